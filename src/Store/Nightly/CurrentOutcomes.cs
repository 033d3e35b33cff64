using Npgsql;

namespace Monitoring.Store.Nightly;

/// <summary>
/// Keeps the read model <c>current_outcomes</c> (migration <c>20261201180001_CurrentOutcomes</c>) equal to the latest
/// stored outcome of each household of the nights in force: called inside the write transaction of a run that is not a
/// past night's, after its outcomes are stored, so the read model changes exactly when the run commits.
/// </summary>
internal static class CurrentOutcomes
{
    public static long Save(NpgsqlConnection write, long runId, DateOnly asOf)
    {
        using var command = new NpgsqlCommand("""
            INSERT INTO current_outcomes AS c (profile, household_id, run_id, outcome_hash, candidate_type, village_code, flagged_since, rule_ids)
            SELECT o.profile, o.household_id, o.run_id, o.outcome_hash, o.candidate_type, o.village_code, @asOf,
                   CASE WHEN o.candidate_type IS NULL THEN '{}'::text[]
                        ELSE coalesce((SELECT array_agg(f.rule_id ORDER BY f.rule_id COLLATE "C") FROM findings f
                                       WHERE f.run_id = o.run_id AND f.household_id = o.household_id), '{}') END
            FROM household_outcomes o WHERE o.run_id = @run
            ON CONFLICT (profile, household_id) DO UPDATE SET run_id = EXCLUDED.run_id, outcome_hash = EXCLUDED.outcome_hash,
                candidate_type = EXCLUDED.candidate_type, village_code = EXCLUDED.village_code, rule_ids = EXCLUDED.rule_ids,
                flagged_since = CASE WHEN c.outcome_hash = EXCLUDED.outcome_hash THEN c.flagged_since ELSE EXCLUDED.flagged_since END
            """, write) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("asOf", asOf);
        return command.ExecuteNonQuery();
    }
}
