using Monitoring.Engine.Cases;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Codes;
using Monitoring.Store.Access;
using Monitoring.Store.Cases;
using Monitoring.Store.Web;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.Leads;

/// <summary>
/// Leads (线索): self-declarations from the public page, village staff's reports, and department warning lines (written by
/// the delivery's import, <see cref="WarningLeads"/>). Staff read the leads of their area — every query filtered by the
/// caller's area in SQL (a lead outside it does not exist for the caller) — and verify each once: <b>confirm</b> records the
/// household event (<c>self_declared</c>, or <c>department_warning</c> for a warning line) dated the lead's date through
/// <see cref="CaseService"/> (one household version, the case log and the household change log, like every case command),
/// so the next night reads it as it reads a typed event; <b>reject</b> needs a reason. Every view and decision is written
/// to the access log; resident IDs leave the store masked. The CLI verbs, the API and the pages call only this service.
/// </summary>
public sealed class LeadService(NpgsqlDataSource dataSource, CaseService cases, AccessLog accessLog, TimeProvider clock)
{
    /// <summary>The access-log actions of leads.</summary>
    public const string ViewLeadsAction = "view_leads";
    public const string ViewLeadAction = "view_lead";
    public const string LeadDecisionAction = "lead_decision";
    public const string LeadReportAction = "lead_report";

    private const int AdvisoryLockClass = 1_100_201;

    private const string Columns = """
        l.id, l.receipt_no, l.source_kind, l.list_id, l.snapshot_date, l.line_no, l.delivery_id, l.county_code, l.village_code,
        (SELECT v.record->'region'->>'village' FROM households h JOIN household_versions v ON v.hash = h.current_hash
         WHERE h.village_code = l.village_code ORDER BY h.id LIMIT 1),
        l.household_id, l.member_id, l.person_name, l.id_number, l.phone, l.difficulty_kind, l.description, l.raised_on, l.raised_at, l.raised_by,
        coalesce(s.status, 'pending'), s.reason, s.decided_by, s.decided_at
        """;

    private const string LatestDecision = """
        LEFT JOIN LATERAL (SELECT x.status, x.reason, x.decided_by, x.decided_at FROM lead_status x
                           WHERE x.lead_id = l.id AND x.status <> 'pending' ORDER BY x.id DESC LIMIT 1) s ON true
        """;

    /// <summary>Today in Asia/Shanghai on the one clock: the date a self-declaration or report is raised on.</summary>
    public DateOnly Today() => ChinaTime.Today(clock);

    /// <summary>
    /// The leads of <paramref name="area"/> (the caller's area when null; outside it: <see cref="OutsideAreaException"/>),
    /// newest first, optionally of one status. A lead matched to no village (a warning line naming nobody of the county)
    /// belongs to its county.
    /// </summary>
    public IReadOnlyList<LeadRow> List(Caller caller, string? area, string? status = null, int limit = 1000)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead("线索");
        if (status is not null && !DomainLabels.LeadStatuses.Contains(status))
        {
            throw new ArgumentException(DomainLabels.LeadStatuses.UnknownMessage(status), nameof(status));
        }

        var scope = caller.ListArea(area);
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM leads l {LatestDecision}
            WHERE left(coalesce(l.village_code, l.county_code), length(@area)) = @area
              AND (@status::text IS NULL OR coalesce(s.status, 'pending') = @status)
            ORDER BY l.id DESC LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("area", scope);
        command.Parameters.AddWithValue("status", NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit);
        var rows = Read(command);
        accessLog.Append(caller, ViewLeadsAction, null, scope, $"{rows.Count} 条{(status is null ? "" : "（" + DomainLabels.LeadStatuses.Zh(status) + "）")}", connection);
        return rows;
    }

    /// <summary>One lead of the caller's area with its status history (null: not found for the caller); logged.</summary>
    public LeadRow? Get(Caller caller, long id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead("线索");
        using var connection = dataSource.OpenConnection();
        var lead = Load(connection, null, caller, id);
        if (lead is not null)
        {
            accessLog.Append(caller, ViewLeadAction, lead.HouseholdId, lead.VillageCode ?? lead.CountyCode, $"线索 #{id}", connection);
        }

        return lead;
    }

    /// <summary>
    /// Confirms a pending lead of the caller's area: records the event on <paramref name="householdId"/> (else the matched
    /// household; it must be in the caller's area and in the lead's village) and the decision. Null: the lead is not found
    /// for the caller. A lead already verified, or with no household, is a <see cref="LeadRejectedException"/>; a record the
    /// case procedure refuses is a <see cref="CaseRejectedException"/> (nothing is recorded then).
    /// </summary>
    public LeadRow? Confirm(Caller caller, long id, string? householdId = null) => Decide(caller, id, LeadStatuses.Confirmed, null, householdId);

    /// <summary>Rejects a pending lead of the caller's area; the reason is required (<see cref="ArgumentException"/>).</summary>
    public LeadRow? Reject(Caller caller, long id, string? reason) => Decide(caller, id, LeadStatuses.Rejected, reason, null);

    /// <summary>A village staff report: a lead on a household of the caller's area, raised today.</summary>
    public LeadRow Report(Caller caller, string villageCode, string householdId, string? difficultyKind, string? description)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireWrite("核实或上报线索");
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var kind = DomainLabels.DifficultyKinds.Resolve(difficultyKind);
        if (kind is null)
        {
            problems[DeclarationRules.KindField] = difficultyKind is null ? "缺少困难类别（--kind）" : DomainLabels.DifficultyKinds.UnknownMessage(difficultyKind);
        }

        var text = description?.Trim() ?? "";
        if (text.Length is 0 or > DeclarationRules.MaxDescription)
        {
            problems[DeclarationRules.DescriptionField] = $"请填写情况说明（最多 {DeclarationRules.MaxDescription} 个字）";
        }

        if (problems.Count > 0)
        {
            throw new DeclarationInvalidException(problems);
        }

        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var village = ScopedHouseholds.VillageOf(connection, caller, householdId, transaction);
        if (village is null || village != villageCode)
        {
            throw new LeadRejectedException($"{villageCode} 村没有户编码为 {householdId} 的农户（或不在您的辖区内）");
        }

        var leadId = Insert(connection, transaction, LeadSourceKinds.VillageReport, null, village, householdId, null, null, null, kind!, text,
            caller.UserName, caller.Role.Name(), caller.ClientAddress);
        accessLog.Append(caller, LeadReportAction, householdId, village, $"线索 #{leadId}", connection, transaction);
        transaction.Commit();
        return Load(connection, null, caller, leadId)!;
    }

    /// <summary>
    /// Stores a self-declaration from the public page as a lead (matched by resident ID within the village's county; a
    /// person registered in another village of the county is that village's lead) and gives its receipt number. Bad
    /// fields: <see cref="DeclarationInvalidException"/> with each field's message.
    /// </summary>
    public DeclarationReceipt Declare(SelfDeclaration declaration, string? clientAddress)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        using var connection = dataSource.OpenConnection();
        var problems = DeclarationRules.Problems(declaration, village => VillageExists(connection, village));
        if (problems.Count > 0)
        {
            throw new DeclarationInvalidException(problems);
        }

        var chosen = declaration.VillageCode!.Trim();
        var id = DeclarationRules.IdNumber(declaration.IdNumber);
        for (var attempt = 0; ; attempt++)
        {
            var today = Today();
            var receipt = ReceiptNumbers.New(today);
            try
            {
                using var transaction = connection.BeginTransaction();
                var leadId = Insert(connection, transaction, LeadSourceKinds.SelfDeclaration, receipt, chosen, null, declaration.Name!.Trim(), id,
                    DeclarationRules.Phone(declaration.Phone), declaration.DifficultyKind!.Trim(), declaration.Description!.Trim(),
                    $"农户 {declaration.Name!.Trim()}", null, clientAddress);
                using var village = new NpgsqlCommand("SELECT village_code FROM leads WHERE id = @id", connection, transaction);
                village.Parameters.AddWithValue("id", leadId);
                var routed = (string)village.ExecuteScalar()!;
                transaction.Commit();
                return new DeclarationReceipt(receipt, leadId, today, routed);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 3)
            {
                // A receipt number drawn twice (40 random bits): draw again.
            }
        }
    }

    /// <summary>
    /// The status of a self-declaration for the public lookup: the receipt and, as a check, the last 4 digits of the phone
    /// or the whole resident ID. Null when they do not match (the same answer for an unknown receipt, so receipts cannot be
    /// tried one by one).
    /// </summary>
    public DeclarationStatus? Lookup(string? receiptNo, string? check)
    {
        var receipt = ReceiptNumbers.Normalize(receiptNo);
        var proof = DeclarationRules.IdNumber(check);
        if (receipt.Length == 0 || proof.Length is not (4 or 18))
        {
            return null;
        }

        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"""
            SELECT l.receipt_no, l.raised_on, l.person_name, l.id_number, l.difficulty_kind, coalesce(s.status, 'pending'), s.decided_at, s.reason,
                   (SELECT v.record->'region'->>'village' FROM households h JOIN household_versions v ON v.hash = h.current_hash
                    WHERE h.village_code = l.village_code ORDER BY h.id LIMIT 1)
            FROM leads l {LatestDecision}
            WHERE l.receipt_no = @receipt AND l.source_kind = 'self_declaration'
              AND ((length(@proof) = 4 AND right(l.phone, 4) = @proof) OR (length(@proof) = 18 AND l.id_number = @proof))
            """, connection);
        command.Parameters.AddWithValue("receipt", receipt);
        command.Parameters.AddWithValue("proof", proof);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var status = reader.GetString(5);
        return new DeclarationStatus(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(2) ? null : reader.GetString(2), ResidentIdNumber.Mask(reader.IsDBNull(3) ? null : reader.GetString(3)), reader.GetString(4), status,
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            status == LeadStatuses.Rejected && !reader.IsDBNull(7) ? ResidentIdText.Mask(reader.GetString(7)) : null);
    }

    /// <summary>The villages of the store (every village some household is registered in), for the public page's choice.</summary>
    public IReadOnlyList<PublicVillage> Villages()
    {
        using var connection = dataSource.OpenConnection();
        return Web.VillageDirectory.Under(connection, "");
    }

    private LeadRow? Decide(Caller caller, long id, string decision, string? reason, string? householdId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireWrite("核实或上报线索");
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == LeadStatuses.Rejected && reason is null)
        {
            throw new ArgumentException("排除线索须填写理由", nameof(reason));
        }

        householdId = string.IsNullOrWhiteSpace(householdId) ? null : householdId.Trim();
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // One decision per lead: concurrent verifiers of the same lead wait here, the second finds it decided.
        using (var lockLead = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, @id)", connection, transaction))
        {
            lockLead.Parameters.AddWithValue("class", AdvisoryLockClass);
            lockLead.Parameters.AddWithValue("id", unchecked((int)id));
            lockLead.ExecuteNonQuery();
        }

        var lead = Load(connection, transaction, caller, id);
        if (lead is null)
        {
            return null;
        }

        if (lead.Status != LeadStatuses.Pending)
        {
            throw new LeadRejectedException($"线索 #{id} 已于 {lead.DecidedAt:yyyy-MM-dd} 由 {lead.DecidedBy} 核实（{lead.StatusZh}），不能再次核实");
        }

        string? household = null;
        long? caseLogId = null;
        if (decision == LeadStatuses.Confirmed)
        {
            household = householdId ?? lead.HouseholdId
                ?? throw new LeadRejectedException($"线索 #{id} 没有匹配到农户：请指明核实后的农户户编码（--household）");
            var village = ScopedHouseholds.VillageOf(connection, caller, household, transaction);
            if (village is null || (lead.VillageCode is { } leadVillage && village != leadVillage))
            {
                throw new LeadRejectedException($"{lead.VillageName ?? lead.VillageCode ?? lead.CountyCode} 没有户编码为 {household} 的农户（或不在您的辖区内）");
            }

            var kind = lead.Source == LeadSourceKinds.DepartmentWarning ? "department_warning" : "self_declared";
            var today = Today();
            var recorded = cases.Execute(household, new CaseCommand
            {
                Name = CaseCommand.Event,
                Date = lead.RaisedOn,
                EventKind = kind,
                Note = $"{CaseProcedure.LeadEventNotePrefix}{id}（{lead.SourceZh}：{lead.DifficultyZh}）",
            }, caller.UserName, caller.ClientAddress is { } address ? $"web {address}" : "web", today);
            caseLogId = recorded.LogId;
        }

        using (var insert = new NpgsqlCommand("""
            INSERT INTO lead_status (lead_id, status, reason, household_id, case_log_id, decided_by, role, decided_at, client_address)
            VALUES (@lead, @status, @reason, @household, @log, @by, @role, @at, @client)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("lead", id);
            insert.Parameters.AddWithValue("status", decision);
            insert.Parameters.AddWithValue("reason", NpgsqlDbType.Text, (object?)reason ?? DBNull.Value);
            insert.Parameters.AddWithValue("household", NpgsqlDbType.Text, (object?)household ?? DBNull.Value);
            insert.Parameters.AddWithValue("log", NpgsqlDbType.Bigint, (object?)caseLogId ?? DBNull.Value);
            insert.Parameters.AddWithValue("by", caller.UserName);
            insert.Parameters.AddWithValue("role", caller.Role.Name());
            insert.Parameters.AddWithValue("at", clock.GetUtcNow());
            insert.Parameters.AddWithValue("client", NpgsqlDbType.Text, (object?)caller.ClientAddress ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }

        accessLog.Append(caller, LeadDecisionAction, household ?? lead.HouseholdId, lead.VillageCode ?? lead.CountyCode,
            $"线索 #{id} {decision}{(reason is null ? "" : "：" + reason)}", connection, transaction);
        transaction.Commit();
        return Load(connection, null, caller, id);
    }

    private long Insert(NpgsqlConnection connection, NpgsqlTransaction transaction, string source, string? receipt, string villageCode,
        string? householdId, string? name, string? idNumber, string? phone, string kind, string description, string raisedBy, string? role, string? client)
    {
        using var command = new NpgsqlCommand($"""
            WITH matched AS ({LeadMatching.MemberSql("@idNumber", "left(@village, 6)")}),
            inserted AS (
                INSERT INTO leads (receipt_no, source_kind, county_code, village_code, household_id, member_id, person_name, id_number, phone,
                                   difficulty_kind, description, raised_on, raised_at, raised_by, client_address)
                SELECT @receipt, @source, left(@village, 6), coalesce((SELECT village_code FROM matched), @village),
                       coalesce(@household, (SELECT household_id FROM matched)), (SELECT member_id FROM matched),
                       coalesce(@name, (SELECT name FROM matched)), @idNumber, @phone, @kind, @description, @on, @at, @by, @client
                RETURNING id, raised_at)
            INSERT INTO lead_status (lead_id, status, decided_by, role, decided_at, client_address)
            SELECT id, 'pending', @by, @role, raised_at, @client FROM inserted RETURNING lead_id
            """, connection, transaction);
        command.Parameters.AddWithValue("receipt", NpgsqlDbType.Text, (object?)receipt ?? DBNull.Value);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("village", villageCode);
        command.Parameters.AddWithValue("household", NpgsqlDbType.Text, (object?)householdId ?? DBNull.Value);
        command.Parameters.AddWithValue("name", NpgsqlDbType.Text, (object?)name ?? DBNull.Value);
        command.Parameters.AddWithValue("idNumber", NpgsqlDbType.Text, (object?)idNumber ?? DBNull.Value);
        command.Parameters.AddWithValue("phone", NpgsqlDbType.Text, (object?)phone ?? DBNull.Value);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("description", description);
        command.Parameters.AddWithValue("on", Today());
        command.Parameters.AddWithValue("at", clock.GetUtcNow());
        command.Parameters.AddWithValue("by", raisedBy);
        command.Parameters.AddWithValue("role", NpgsqlDbType.Text, (object?)role ?? DBNull.Value);
        command.Parameters.AddWithValue("client", NpgsqlDbType.Text, (object?)client ?? DBNull.Value);
        return (long)command.ExecuteScalar()!;
    }

    private static LeadRow? Load(NpgsqlConnection connection, NpgsqlTransaction? transaction, Caller caller, long id)
    {
        using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM leads l {LatestDecision}
            WHERE l.id = @id AND left(coalesce(l.village_code, l.county_code), length(@area)) = @area
            """, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("area", caller.AreaCode);
        var lead = Read(command).SingleOrDefault();
        if (lead is null)
        {
            return null;
        }

        using var history = new NpgsqlCommand("""
            SELECT status, reason, household_id, case_log_id, decided_by, role, decided_at FROM lead_status WHERE lead_id = @id ORDER BY id
            """, connection, transaction);
        history.Parameters.AddWithValue("id", id);
        using var reader = history.ExecuteReader();
        var entries = new List<LeadStatusEntry>();
        while (reader.Read())
        {
            entries.Add(new LeadStatusEntry(reader.GetString(0), reader.IsDBNull(1) ? null : ResidentIdText.Mask(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return lead with { History = entries };
    }

    private static List<LeadRow> Read(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<LeadRow>();
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (reader.Read())
        {
            rows.Add(new LeadRow(reader.GetInt64(0), Text(1), reader.GetString(2), Text(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.GetString(7), Text(8), Text(9), Text(10), Text(11),
                Text(12) is { } name ? ResidentIdText.Mask(name) : null, Text(13) is { } idNumber ? ResidentIdNumber.Mask(idNumber) : null, Text(14),
                reader.GetString(15), ResidentIdText.Mask(reader.GetString(16)), reader.GetFieldValue<DateOnly>(17), reader.GetFieldValue<DateTimeOffset>(18),
                reader.GetString(19), reader.GetString(20), Text(21) is { } reason ? ResidentIdText.Mask(reason) : null, Text(22),
                reader.IsDBNull(23) ? null : reader.GetFieldValue<DateTimeOffset>(23)));
        }

        return rows;
    }

    private static bool VillageExists(NpgsqlConnection connection, string village)
    {
        using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM households WHERE village_code = @village)", connection);
        command.Parameters.AddWithValue("village", village);
        return (bool)command.ExecuteScalar()!;
    }
}
