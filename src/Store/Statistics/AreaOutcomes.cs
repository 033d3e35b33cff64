using Npgsql;

namespace Monitoring.Store.Statistics;

/// <summary>
/// The outcomes in force in an area after a run — each household's latest outcome of the run's profile up to that run,
/// filtered by area in SQL — and the counts the dashboard and a run's detail read from them. The one place this is written.
/// </summary>
internal static class AreaOutcomes
{
    /// <summary>Parameters: <c>@profile</c>, <c>@run</c>, <c>@area</c> (<see cref="Bind"/>).</summary>
    public const string InForce = """
        SELECT DISTINCT ON (o.household_id) o.household_id, o.run_id, o.candidate_type, o.village_code
        FROM household_outcomes o
        WHERE o.profile = @profile AND o.run_id <= @run AND left(o.village_code, length(@area)) = @area
        ORDER BY o.household_id, o.run_id DESC
        """;

    public static void Bind(NpgsqlCommand command, string area, long runId, string profile)
    {
        command.Parameters.AddWithValue("area", area);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("profile", profile);
    }

    /// <summary>Households with an outcome in force, and those of them flagged as monitoring candidates.</summary>
    public static (long Households, long Flagged) Counts(NpgsqlConnection connection, string area, long runId, string profile)
    {
        using var command = new NpgsqlCommand($"SELECT count(*), count(candidate_type) FROM ({InForce}) c", connection);
        Bind(command, area, runId, profile);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Findings in force by rule, most first.</summary>
    public static List<RuleCount> ByRule(NpgsqlConnection connection, string area, long runId, string profile)
    {
        using var command = new NpgsqlCommand($"""
            WITH current_outcome AS ({InForce})
            SELECT f.rule_id, count(*) FROM current_outcome c
            JOIN findings f ON f.run_id = c.run_id AND f.household_id = c.household_id
            GROUP BY f.rule_id ORDER BY count(*) DESC, f.rule_id COLLATE "C"
            """, connection);
        Bind(command, area, runId, profile);
        using var reader = command.ExecuteReader();
        var rows = new List<RuleCount>();
        while (reader.Read())
        {
            rows.Add(new RuleCount(reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
