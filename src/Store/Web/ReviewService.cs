using Monitoring.Engine.Cases;
using Monitoring.Store.Access;
using Monitoring.Store.Cases;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.Web;

/// <summary>
/// The review list and review decisions. The list is one row per flagged household (monitoring candidate) of the latest
/// completed run in the caller's area, read from the outcomes in force that night as the findings export reads them. A
/// confirmation opens the household's case through <see cref="CaseService"/>; a dismissal needs a reason and hides the
/// household until its outcome (hash) changes. Decisions are append-only and logged.
/// </summary>
public sealed class ReviewService(NpgsqlDataSource dataSource, CaseService cases, AccessLog accessLog, TimeProvider clock)
{
    /// <summary>The review list for <paramref name="area"/> (the caller's area when null; outside it: <see cref="OutsideAreaException"/>).</summary>
    public IReadOnlyList<ReviewRow> List(Caller caller, string? area)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireRead(caller);
        var scope = caller.ListArea(area);
        using var connection = dataSource.OpenConnection();
        return Rows(connection, scope, null);
    }

    /// <summary>Every decision recorded on a household in the caller's area, oldest first (null: not found).</summary>
    public IReadOnlyList<ReviewDecisionRow>? Decisions(Caller caller, string householdId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireRead(caller);
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
        if (!caller.CanWrite)
        {
            throw new NotPermittedException("审计人员和管理员不能作出核查决定");
        }

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

    private static void RequireRead(Caller caller)
    {
        if (!caller.CanRead)
        {
            throw new NotPermittedException("管理员账号不能查看农户数据");
        }
    }

    /// <summary>The list rows of an area (optionally one household), hiding households dismissed on their current outcome.</summary>
    internal static List<ReviewRow> Rows(NpgsqlConnection connection, string area, string? householdId)
    {
        using var command = new NpgsqlCommand("""
            WITH run AS (SELECT id, profile, as_of FROM evaluation_runs WHERE status = 'completed' ORDER BY id DESC LIMIT 1),
            current_outcome AS (
                SELECT DISTINCT ON (o.household_id) o.household_id, o.run_id, o.outcome_hash, o.candidate_type, o.profile
                FROM household_outcomes o JOIN run ON o.profile = run.profile AND o.run_id <= run.id
                WHERE left(o.village_code, length(@area)) = @area AND (@household::text IS NULL OR o.household_id = @household)
                ORDER BY o.household_id, o.run_id DESC)
            SELECT c.household_id, coalesce(head.name, ''), h.village_code, h.category, c.candidate_type, c.run_id, c.outcome_hash,
                   (SELECT r.as_of FROM household_outcomes s JOIN evaluation_runs r ON r.id = s.run_id
                    WHERE s.household_id = c.household_id AND s.profile = c.profile AND s.run_id <= c.run_id
                      AND s.run_id > coalesce((SELECT max(x.run_id) FROM household_outcomes x
                                               WHERE x.household_id = c.household_id AND x.profile = c.profile
                                                 AND x.run_id < c.run_id AND x.outcome_hash <> c.outcome_hash), 0)
                    ORDER BY s.run_id LIMIT 1),
                   last.decision, last.outcome_hash, dismissal.id, dismissal.run_id, dismissal.outcome_hash, dismissal.reason_category,
                   dismissal.reason, dismissal.user_name, dismissal.role, dismissal.decided_at
            FROM current_outcome c
            JOIN households h ON h.id = c.household_id
            JOIN household_versions v ON v.hash = h.current_hash
            LEFT JOIN LATERAL (SELECT m->>'name' AS name FROM jsonb_array_elements(v.record->'members') m
                               WHERE m->>'relation' = 'head' LIMIT 1) head ON true
            LEFT JOIN LATERAL (SELECT d.decision, d.outcome_hash FROM review_decisions d
                               WHERE d.household_id = c.household_id ORDER BY d.id DESC LIMIT 1) last ON true
            LEFT JOIN LATERAL (SELECT d.* FROM review_decisions d
                               WHERE d.household_id = c.household_id AND d.decision = 'dismiss' ORDER BY d.id DESC LIMIT 1) dismissal ON true
            WHERE c.candidate_type IS NOT NULL AND left(h.village_code, length(@area)) = @area
            ORDER BY h.village_code, c.household_id
            """, connection);
        command.Parameters.AddWithValue("area", area);
        command.Parameters.AddWithValue("household", NpgsqlDbType.Text, (object?)householdId ?? DBNull.Value);
        var rows = new List<ReviewRow>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var outcomeHash = reader.GetString(6);
                var lastDecision = reader.IsDBNull(8) ? null : reader.GetString(8);
                var lastHash = reader.IsDBNull(9) ? null : reader.GetString(9);
                if (lastDecision == ReviewStatuses.Dismiss && lastHash == outcomeHash)
                {
                    continue;
                }

                var id = reader.GetString(0);
                var dismissal = reader.IsDBNull(10) ? null : new ReviewDecisionRow(reader.GetInt64(10), id, reader.GetInt64(11), reader.GetString(12), ReviewStatuses.Dismiss,
                    reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetString(14),
                    reader.GetString(15), reader.GetString(16), reader.GetFieldValue<DateTimeOffset>(17));
                rows.Add(new ReviewRow(id, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4), [],
                    reader.GetFieldValue<DateOnly>(7), lastDecision == ReviewStatuses.Confirm ? ReviewStatuses.Confirmed : ReviewStatuses.Pending,
                    reader.GetInt64(5), outcomeHash, dismissal));
            }
        }

        var reasons = Reasons(connection, rows);
        return [.. rows.Select(r => r with { Reasons = reasons.TryGetValue(r.HouseholdId, out var list) ? list : [] })];
    }

    private static Dictionary<string, List<ReviewReason>> Reasons(NpgsqlConnection connection, List<ReviewRow> rows)
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
            """, connection);
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
