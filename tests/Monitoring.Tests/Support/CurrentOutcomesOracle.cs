namespace Monitoring.Tests.Support;

/// <summary>
/// The read model <c>current_outcomes</c> against the computation it replaces, written independently of it: the latest
/// stored outcome per (profile, household) over the nights in force (DISTINCT ON), "flagged since" as the review list
/// computed it before (the as-of of the first outcome after the last one with another hash), the candidates' rule ids
/// from their findings.
/// </summary>
internal static class CurrentOutcomesOracle
{
    private const string Expected = """
        SELECT o.profile, o.household_id, o.run_id, o.outcome_hash::text, o.candidate_type, o.village_code,
               (SELECT r.as_of FROM household_outcomes s JOIN evaluation_runs r ON r.id = s.run_id AND NOT r.point_in_time
                WHERE s.household_id = o.household_id AND s.profile = o.profile AND s.run_id <= o.run_id
                  AND s.run_id > coalesce((SELECT max(x.run_id) FROM household_outcomes x JOIN evaluation_runs xr ON xr.id = x.run_id AND NOT xr.point_in_time
                                           WHERE x.household_id = o.household_id AND x.profile = o.profile
                                             AND x.run_id < o.run_id AND x.outcome_hash <> o.outcome_hash), 0)
                ORDER BY s.run_id LIMIT 1) AS flagged_since,
               CASE WHEN o.candidate_type IS NULL THEN '{}'::text[]
                    ELSE coalesce((SELECT array_agg(f.rule_id ORDER BY f.rule_id COLLATE "C") FROM findings f
                                   WHERE f.run_id = o.run_id AND f.household_id = o.household_id), '{}') END AS rule_ids
        FROM (SELECT DISTINCT ON (x.profile, x.household_id) x.* FROM household_outcomes x
              JOIN evaluation_runs r ON r.id = x.run_id AND NOT r.point_in_time
              ORDER BY x.profile, x.household_id, x.run_id DESC) o
        """;

    private const string Actual = """
        SELECT profile, household_id, run_id, outcome_hash::text, candidate_type, village_code, flagged_since, rule_ids FROM current_outcomes
        """;

    /// <summary>The rows of the read model and of the computation differ in none (and there are as many).</summary>
    public static void AssertMatches(string connectionString, string because = "")
    {
        var missing = Sql.Count(connectionString, $"SELECT count(*) FROM (({Expected}) EXCEPT ({Actual})) d");
        var extra = Sql.Count(connectionString, $"SELECT count(*) FROM (({Actual}) EXCEPT ({Expected})) d");
        Assert.True(missing == 0 && extra == 0, $"{because}: current_outcomes lacks {missing} rows of the outcomes in force and has {extra} others");
        Assert.Equal(Sql.Count(connectionString, $"SELECT count(*) FROM ({Expected}) e"), Sql.Count(connectionString, "SELECT count(*) FROM current_outcomes"));
    }

    /// <summary>The read model's rows as text, in key order (to compare before and after).</summary>
    public static string Snapshot(string connectionString) =>
        (string?)Sql.Value(connectionString, $"SELECT coalesce(string_agg(a::text, E'\\n' ORDER BY a.profile, a.household_id), '') FROM ({Actual}) a") ?? "";
}
