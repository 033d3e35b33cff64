using Monitoring.Engine.Cases;
using Monitoring.Store.Access;
using Npgsql;

namespace Monitoring.Store.Web;

/// <summary>
/// The auditor's reads of a stored night: the household version a run evaluated and the findings it stored (for the 审计
/// page to evaluate again and compare). Only in the caller's area (else null: not found); every read is written to the
/// access log as an explain.
/// </summary>
public sealed class AuditQueries(NpgsqlDataSource dataSource, AccessLog accessLog)
{
    public StoredNight? Night(Caller caller, string householdId, long runId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.CanRead)
        {
            throw new NotPermittedException("管理员账号不能查看农户数据");
        }

        using var connection = dataSource.OpenConnection();
        var village = ScopedHouseholds.VillageOf(connection, caller, householdId);
        if (village is null)
        {
            return null;
        }

        using var command = new NpgsqlCommand("""
            SELECT r.as_of, r.profile, r.rules_version, o.run_id, o.outcome_hash,
                   coalesce(o.household_hash, (SELECT h.current_hash FROM households h WHERE h.id = @id)),
                   (SELECT v.record::text FROM household_versions v
                    WHERE v.hash = coalesce(o.household_hash, (SELECT h.current_hash FROM households h WHERE h.id = @id)))
            FROM evaluation_runs r
            LEFT JOIN LATERAL (
                SELECT o.run_id, o.outcome_hash, o.household_hash FROM household_outcomes o
                WHERE o.household_id = @id AND o.profile = r.profile AND o.run_id <= r.id
                ORDER BY o.run_id DESC LIMIT 1) o ON true
            WHERE r.id = @run AND r.status = 'completed'
            """, connection);
        command.Parameters.AddWithValue("id", householdId);
        command.Parameters.AddWithValue("run", runId);
        StoredNight night;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read() || reader.IsDBNull(6))
            {
                return null;
            }

            night = new StoredNight(runId, reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetString(2), reader.GetString(5),
                CanonicalRecord.Parse(reader.GetString(6)), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4), []);
        }

        var findings = new List<string>();
        if (night.OutcomeRunId is { } outcomeRun)
        {
            using var read = new NpgsqlCommand("""
                SELECT finding::text FROM findings WHERE run_id = @run AND household_id = @id ORDER BY rule_id COLLATE "C", member_id COLLATE "C"
                """, connection);
            read.Parameters.AddWithValue("run", outcomeRun);
            read.Parameters.AddWithValue("id", householdId);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                findings.Add(ResidentIdText.Mask(reader.GetString(0)));
            }
        }

        accessLog.Append(caller, AccessActions.Explain, householdId, village, $"run {runId}", connection);
        return night with { Findings = findings };
    }
}
