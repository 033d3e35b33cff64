using Npgsql;

namespace Monitoring.Store.Statistics;

/// <summary>
/// The nightly runs as the pages list them (whole-store figures: a run is not area data). The pages' default date is the
/// latest completed run's evaluation date — the night the lists were computed for.
/// </summary>
public sealed class RunSummaries(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, as_of, profile, mode, status, started_at, finished_at, households_evaluated, findings_count, candidates_count,
        new_findings, resolved_findings, error
        """;

    /// <summary>The latest run, whatever its status (a failed or running night shows as such), or null.</summary>
    public RunSummary? Latest() => Read($"SELECT {Columns} FROM evaluation_runs ORDER BY id DESC LIMIT 1").FirstOrDefault();

    /// <summary>The latest completed run, or null.</summary>
    public RunSummary? LatestCompleted() => Read($"SELECT {Columns} FROM evaluation_runs WHERE status = 'completed' ORDER BY id DESC LIMIT 1").FirstOrDefault();

    /// <summary>The latest <paramref name="limit"/> runs, newest first.</summary>
    public IReadOnlyList<RunSummary> Recent(int limit = 60) => Read($"SELECT {Columns} FROM evaluation_runs ORDER BY id DESC LIMIT {Math.Clamp(limit, 1, 1000)}");

    private List<RunSummary> Read(string sql)
    {
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var runs = new List<RunSummary>();
        while (reader.Read())
        {
            runs.Add(new RunSummary(reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt64(7),
                reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return runs;
    }
}
