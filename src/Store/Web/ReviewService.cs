using Monitoring.Engine.Cases;
using Monitoring.Store.Access;
using Monitoring.Store.Cases;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.Web;

/// <summary>
/// The review list and review decisions. The list is one row per flagged household (monitoring candidate) of the latest
/// completed run of the nights in force in the caller's area, read from the read model of the outcomes in force
/// (<c>current_outcomes</c>, kept by the nightly run), filtered, counted and paged in the database (<see cref="ListQuery"/>). A
/// confirmation opens the household's case through <see cref="CaseService"/>; a dismissal needs a reason and hides the
/// household until its outcome (hash) changes. Decisions are append-only and logged.
/// </summary>
public sealed class ReviewService(NpgsqlDataSource dataSource, CaseService cases, AccessLog accessLog, TimeProvider clock)
{
    private readonly ReviewListCounts _counts = new();

    /// <summary>The page size when none is given.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page size a caller may ask for.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The whole review list for <paramref name="area"/> (the caller's area when null; outside it: <see cref="OutsideAreaException"/>).</summary>
    public IReadOnlyList<ReviewRow> List(Caller caller, string? area)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead();
        var scope = caller.ListArea(area);
        using var connection = dataSource.OpenConnection();
        return Rows(connection, scope, null);
    }

    /// <summary>
    /// One page (1-based; <paramref name="pageSize"/> 1..<see cref="MaxPageSize"/>, else an <see cref="ArgumentOutOfRangeException"/>)
    /// of the filtered review list, with the total count, read in one snapshot.
    /// </summary>
    public ReviewPage Page(Caller caller, ReviewFilter filter, int page = 1, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        caller.RequireRead();
        if (page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "页码应从 1 开始");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"每页行数应为 1 到 {MaxPageSize}");
        }

        var query = ListQuery.For(caller, filter);
        using var connection = dataSource.OpenConnection();
        using var snapshot = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var night = LatestNight(connection, snapshot);
        if (night is null)
        {
            return new ReviewPage([], 0, page, pageSize, null);
        }

        var total = _counts.Count(night, query, () => CountRows(connection, snapshot, night, query));
        var rows = total <= (long)(page - 1) * pageSize ? [] : ReadRows(connection, snapshot, night, query, pageSize, (long)(page - 1) * pageSize, null);
        return new ReviewPage(rows, total, page, pageSize, night.AsOf);
    }

    /// <summary>The number of rows of the filtered review list.</summary>
    public long Count(Caller caller, ReviewFilter filter)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        caller.RequireRead();
        var query = ListQuery.For(caller, filter);
        using var connection = dataSource.OpenConnection();
        using var snapshot = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        return LatestNight(connection, snapshot) is { } night ? _counts.Count(night, query, () => CountRows(connection, snapshot, night, query)) : 0;
    }

    /// <summary>The rule ids among the reasons of the area's review list (ordinal order), for the reason filter.</summary>
    public IReadOnlyList<string> ReasonRules(Caller caller, string? area)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead();
        var query = ListQuery.For(caller, new ReviewFilter(area));
        using var connection = dataSource.OpenConnection();
        using var snapshot = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        if (LatestNight(connection, snapshot) is not { } night)
        {
            return [];
        }

        return _counts.Rules(night, query.Area, () =>
        {
            using var command = new NpgsqlCommand($"""
                SELECT DISTINCT r.rule_id FROM ({ListQuery.Filtered("c.rule_ids")}) l, unnest(l.rule_ids) AS r(rule_id)
                """, connection, snapshot);
            query.Bind(command, night);
            var rules = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rules.Add(reader.GetString(0));
            }

            rules.Sort(StringComparer.Ordinal);
            return [.. rules];
        });
    }

    /// <summary>
    /// Every row of the filtered review list, read in chunks of <see cref="MaxPageSize"/> (keyset on village and household),
    /// for downloads: the rows are produced while they are read, never held all at once.
    /// </summary>
    public IEnumerable<ReviewRow> Export(Caller caller, ReviewFilter filter)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        caller.RequireRead();
        var query = ListQuery.For(caller, filter);
        return Chunks(query);
    }

    private IEnumerable<ReviewRow> Chunks(ListQuery query)
    {
        using var connection = dataSource.OpenConnection();
        using var snapshot = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        if (LatestNight(connection, snapshot) is not { } night)
        {
            yield break;
        }

        (string? Village, string Household)? after = null;
        while (true)
        {
            var rows = ReadRows(connection, snapshot, night, query, MaxPageSize, 0, after);
            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < MaxPageSize)
            {
                yield break;
            }

            after = (rows[^1].VillageCode, rows[^1].HouseholdId);
        }
    }

    /// <summary>Every decision recorded on a household in the caller's area, oldest first (null: not found).</summary>
    public IReadOnlyList<ReviewDecisionRow>? Decisions(Caller caller, string householdId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead();
        using var connection = dataSource.OpenConnection();
        return ScopedHouseholds.VillageOf(connection, caller, householdId) is null ? null : DecisionsOf(connection, householdId);
    }

    /// <summary>
    /// Records a decision on a flagged household of the caller's area. Returns null when the household is not found for
    /// the caller. A dismissal without a reason is an <see cref="ArgumentException"/>; a household that is not flagged,
    /// or already confirmed, is a <see cref="ReviewRejectedException"/>; a case the procedure refuses to open is a
    /// <see cref="CaseRejectedException"/> (nothing is recorded then).
    /// </summary>
    public ReviewDecisionRow? Decide(Caller caller, string householdId, string decision, string? reasonCategory, string? reason, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireWrite("作出核查决定");

        if (decision is not (ReviewStatuses.Confirm or ReviewStatuses.Dismiss))
        {
            throw new ArgumentException($"决定应为 confirm（确认）或 dismiss（排除），而不是“{decision}”", nameof(decision));
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        reasonCategory = string.IsNullOrWhiteSpace(reasonCategory) ? null : reasonCategory.Trim();
        if (decision == ReviewStatuses.Dismiss && reason is null)
        {
            throw new ArgumentException("排除须填写理由", nameof(reason));
        }

        using var connection = dataSource.OpenConnection();
        var village = ScopedHouseholds.VillageOf(connection, caller, householdId);
        if (village is null)
        {
            return null;
        }

        var row = Rows(connection, village, householdId).SingleOrDefault()
            ?? throw new ReviewRejectedException($"农户 {householdId} 不在最近一次评估的待核查名单中");
        if (row.Status == ReviewStatuses.Confirmed)
        {
            throw new ReviewRejectedException($"农户 {householdId} 已确认并立案，无需再次核查");
        }

        if (decision == ReviewStatuses.Confirm)
        {
            var today = date ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            cases.Execute(householdId, new CaseCommand
            {
                Name = CaseCommand.Open,
                Date = today,
                Trigger = "candidate",
                MonitoringType = row.CandidateType,
            }, caller.UserName, Client(caller), today);
        }

        using var transaction = connection.BeginTransaction();
        using var insert = new NpgsqlCommand("""
            INSERT INTO review_decisions (household_id, village_code, run_id, outcome_hash, decision, reason_category, reason, user_name, role, decided_at, client_address)
            VALUES (@household, @village, @run, @hash, @decision, @category, @reason, @user, @role, @at, @client)
            RETURNING id, decided_at
            """, connection, transaction);
        insert.Parameters.AddWithValue("household", householdId);
        insert.Parameters.AddWithValue("village", village);
        insert.Parameters.AddWithValue("run", row.RunId);
        insert.Parameters.AddWithValue("hash", row.OutcomeHash);
        insert.Parameters.AddWithValue("decision", decision);
        insert.Parameters.AddWithValue("category", NpgsqlDbType.Text, (object?)reasonCategory ?? DBNull.Value);
        insert.Parameters.AddWithValue("reason", NpgsqlDbType.Text, (object?)reason ?? DBNull.Value);
        insert.Parameters.AddWithValue("user", caller.UserName);
        insert.Parameters.AddWithValue("role", caller.Role.Name());
        insert.Parameters.AddWithValue("at", clock.GetUtcNow());
        insert.Parameters.AddWithValue("client", NpgsqlDbType.Text, (object?)caller.ClientAddress ?? DBNull.Value);
        long id;
        DateTimeOffset at;
        using (var reader = insert.ExecuteReader())
        {
            reader.Read();
            id = reader.GetInt64(0);
            at = reader.GetFieldValue<DateTimeOffset>(1);
        }

        accessLog.Append(caller, AccessActions.Decision, householdId, village, $"{decision} {row.OutcomeHash}", connection, transaction);
        transaction.Commit();
        return new ReviewDecisionRow(id, householdId, row.RunId, row.OutcomeHash, decision, reasonCategory, reason, caller.UserName, caller.Role.Name(), at);
    }

    private static string Client(Caller caller) => caller.ClientAddress is { } address ? $"web {address}" : "web";

    /// <summary>The list rows of an area (optionally one household), hiding households dismissed on their current outcome.</summary>
    internal static List<ReviewRow> Rows(NpgsqlConnection connection, string area, string? householdId)
    {
        var night = LatestNight(connection, null);
        return night is null ? [] : ReadRows(connection, null, night, new ListQuery(area, householdId, null, false, null), null, 0, null);
    }

    /// <summary>The latest completed run of the nights in force (a past night's run is not one): its id, profile and as-of.</summary>
    private static ListNight? LatestNight(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand("""
            SELECT id, profile, as_of, (SELECT coalesce(max(d.id), 0) FROM review_decisions d)
            FROM evaluation_runs WHERE status = 'completed' AND NOT point_in_time ORDER BY id DESC LIMIT 1
            """, connection, transaction);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ListNight(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt64(3)) : null;
    }

    private static long CountRows(NpgsqlConnection connection, NpgsqlTransaction? transaction, ListNight night, ListQuery query)
    {
        using var command = new NpgsqlCommand($"SELECT count(*) FROM ({ListQuery.Filtered("1")}) l", connection, transaction);
        query.Bind(command, night);
        return (long)command.ExecuteScalar()!;
    }

    private static List<ReviewRow> ReadRows(NpgsqlConnection connection, NpgsqlTransaction? transaction, ListNight night, ListQuery query, int? limit, long offset,
        (string? Village, string Household)? after)
    {
        using var command = new NpgsqlCommand($"""
            SELECT p.household_id, coalesce(head.name, ''), p.village_code, h.category, p.candidate_type, p.run_id, p.outcome_hash, p.flagged_since,
                   p.last_decision, dismissal.id, dismissal.run_id, dismissal.outcome_hash, dismissal.reason_category,
                   dismissal.reason, dismissal.user_name, dismissal.role, dismissal.decided_at
            FROM ({ListQuery.Filtered("c.household_id, c.run_id, c.outcome_hash, c.candidate_type, c.village_code, c.flagged_since, last.decision AS last_decision")}
                  AND (@afterHousehold::text IS NULL OR (c.village_code, c.household_id) > (@afterVillage::text, @afterHousehold::text))
                  ORDER BY c.village_code, c.household_id LIMIT @limit OFFSET @offset) p
            JOIN households h ON h.id = p.household_id
            JOIN household_versions v ON v.hash = h.current_hash
            LEFT JOIN LATERAL (SELECT m->>'name' AS name FROM jsonb_array_elements(v.record->'members') m
                               WHERE m->>'relation' = 'head' LIMIT 1) head ON true
            LEFT JOIN LATERAL (SELECT d.* FROM review_decisions d
                               WHERE d.household_id = p.household_id AND d.decision = 'dismiss' ORDER BY d.id DESC LIMIT 1) dismissal ON true
            ORDER BY p.village_code, p.household_id
            """, connection, transaction);
        query.Bind(command, night);
        command.Parameters.AddWithValue("limit", NpgsqlDbType.Bigint, limit is { } l ? l : DBNull.Value);
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("afterVillage", NpgsqlDbType.Text, (object?)after?.Village ?? DBNull.Value);
        command.Parameters.AddWithValue("afterHousehold", NpgsqlDbType.Text, (object?)after?.Household ?? DBNull.Value);
        var rows = new List<ReviewRow>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                var lastDecision = reader.IsDBNull(8) ? null : reader.GetString(8);
                var dismissal = reader.IsDBNull(9) ? null : new ReviewDecisionRow(reader.GetInt64(9), id, reader.GetInt64(10), reader.GetString(11), ReviewStatuses.Dismiss,
                    reader.IsDBNull(12) ? null : reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetString(13),
                    reader.GetString(14), reader.GetString(15), reader.GetFieldValue<DateTimeOffset>(16));
                rows.Add(new ReviewRow(id, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4), [],
                    reader.GetFieldValue<DateOnly>(7), lastDecision == ReviewStatuses.Confirm ? ReviewStatuses.Confirmed : ReviewStatuses.Pending,
                    reader.GetInt64(5), reader.GetString(6), dismissal));
            }
        }

        var reasons = Reasons(connection, transaction, rows);
        return [.. rows.Select(r => r with { Reasons = reasons.TryGetValue(r.HouseholdId, out var list) ? list : [] })];
    }

    private static Dictionary<string, List<ReviewReason>> Reasons(NpgsqlConnection connection, NpgsqlTransaction? transaction, List<ReviewRow> rows)
    {
        var result = new Dictionary<string, List<ReviewReason>>(StringComparer.Ordinal);
        if (rows.Count == 0)
        {
            return result;
        }

        using var command = new NpgsqlCommand("""
            SELECT f.household_id, f.rule_id, coalesce(f.finding::json->>'explanation', '')
            FROM unnest(@households, @runs) AS k(household_id, run_id)
            JOIN findings f ON f.run_id = k.run_id AND f.household_id = k.household_id
            ORDER BY f.household_id, f.rule_id COLLATE "C"
            """, connection, transaction);
        command.Parameters.AddWithValue("households", rows.Select(r => r.HouseholdId).ToArray());
        command.Parameters.AddWithValue("runs", rows.Select(r => r.RunId).ToArray());
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }

            list.Add(new ReviewReason(reader.GetString(1), reader.GetString(2)));
        }

        return result;
    }

    internal static List<ReviewDecisionRow> DecisionsOf(NpgsqlConnection connection, string householdId)
    {
        using var command = new NpgsqlCommand("""
            SELECT id, run_id, outcome_hash, decision, reason_category, reason, user_name, role, decided_at
            FROM review_decisions WHERE household_id = @id ORDER BY id
            """, connection);
        command.Parameters.AddWithValue("id", householdId);
        using var reader = command.ExecuteReader();
        var rows = new List<ReviewDecisionRow>();
        while (reader.Read())
        {
            rows.Add(new ReviewDecisionRow(reader.GetInt64(0), householdId, reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return rows;
    }
}
