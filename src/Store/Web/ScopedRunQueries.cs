using Monitoring.Store.Access;
using Npgsql;

namespace Monitoring.Store.Web;

/// <summary>Runs, one run and the dashboard, every count limited to the caller's area.</summary>
public sealed class ScopedRunQueries(NpgsqlDataSource dataSource)
{
    private const string RunColumns = "id, as_of, profile, mode, status, rules_version, started_at, finished_at";

    public IReadOnlyList<RunSummary> List(Caller caller, int limit = 100)
    {
        RequireRead(caller);
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT {RunColumns} FROM evaluation_runs ORDER BY id DESC LIMIT @limit", connection);
        command.Parameters.AddWithValue("limit", limit);
        return ReadRuns(command);
    }

    /// <summary>The run with its counts in the caller's area, or null when there is no such run.</summary>
    public RunDetail? Get(Caller caller, long runId)
    {
        RequireRead(caller);
        using var connection = dataSource.OpenConnection();
        var run = Run(connection, runId);
        if (run is null)
        {
            return null;
        }

        var (households, flagged) = OutcomeCounts(connection, run, caller.AreaCode);
        var byRule = FindingsByRule(connection, run, caller.AreaCode);
        return new RunDetail(run, caller.AreaCode, households, flagged, byRule.Sum(r => r.Count), byRule);
    }

    public Dashboard Dashboard(Caller caller, string? area)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireRead(caller);
        var scope = caller.ListArea(area);
        using var connection = dataSource.OpenConnection();
        RunSummary? last;
        using (var command = new NpgsqlCommand($"SELECT {RunColumns} FROM evaluation_runs WHERE status = 'completed' ORDER BY id DESC LIMIT 1", connection))
        {
            last = ReadRuns(command).FirstOrDefault();
        }

        var review = last is null ? [] : ReviewService.Rows(connection, scope, null);
        var villages = new List<VillageCounts>();
        using (var command = new NpgsqlCommand("""
            SELECT h.village_code, count(*), count(*) FILTER (WHERE h.category = 'monitored'),
                   count(*) FILTER (WHERE jsonb_typeof(v.record->'case') = 'object')
            FROM households h JOIN household_versions v ON v.hash = h.current_hash
            WHERE left(h.village_code, length(@area)) = @area GROUP BY h.village_code ORDER BY h.village_code
            """, connection))
        {
            command.Parameters.AddWithValue("area", scope);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var code = reader.GetString(0);
                villages.Add(new VillageCounts(code, reader.GetInt64(1), 0, 0, reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        var flaggedRows = last is null ? [] : FlaggedHouseholds(connection, last, scope);
        villages = [.. villages.Select(v => v with
        {
            Flagged = flaggedRows.Count(f => f.Village == v.VillageCode),
            AwaitingReview = review.Count(r => r.VillageCode == v.VillageCode && r.Status == ReviewStatuses.Pending),
        })];
        Funnel funnel;
        using (var command = new NpgsqlCommand("""
            SELECT (SELECT count(DISTINCT d.household_id) FROM review_decisions d WHERE left(d.village_code, length(@area)) = @area),
                   count(*) FILTER (WHERE jsonb_typeof(v.record->'case') = 'object'),
                   count(*) FILTER (WHERE h.category = 'monitored'),
                   count(*) FILTER (WHERE jsonb_typeof(v.record->'case'->'release') = 'object')
            FROM households h JOIN household_versions v ON v.hash = h.current_hash
            WHERE left(h.village_code, length(@area)) = @area
            """, connection))
        {
            command.Parameters.AddWithValue("area", scope);
            using var reader = command.ExecuteReader();
            reader.Read();
            funnel = new Funnel(flaggedRows.Count, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        var trend = new List<NightCount>();
        using (var command = new NpgsqlCommand($"SELECT {RunColumns} FROM evaluation_runs WHERE status = 'completed' ORDER BY id DESC LIMIT 14", connection))
        {
            foreach (var run in ReadRuns(command).OrderBy(r => r.Id))
            {
                var (_, flagged) = OutcomeCounts(connection, run, scope);
                trend.Add(new NightCount(run.Id, run.AsOf, flagged, FindingsByRule(connection, run, scope).Sum(r => r.Count)));
            }
        }

        return new Dashboard(scope, last, villages, last is null ? [] : FindingsByRule(connection, last, scope), funnel, trend);
    }

    private const string OutcomesInForce = """
        SELECT DISTINCT ON (o.household_id) o.household_id, o.run_id, o.candidate_type, o.village_code
        FROM household_outcomes o
        WHERE o.profile = @profile AND o.run_id <= @run AND left(o.village_code, length(@area)) = @area
        ORDER BY o.household_id, o.run_id DESC
        """;

    private static (long Households, long Flagged) OutcomeCounts(NpgsqlConnection connection, RunSummary run, string area)
    {
        using var command = new NpgsqlCommand($"SELECT count(*), count(candidate_type) FROM ({OutcomesInForce}) c", connection);
        Bind(command, run, area);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static List<(string Household, string? Village)> FlaggedHouseholds(NpgsqlConnection connection, RunSummary run, string area)
    {
        using var command = new NpgsqlCommand($"SELECT household_id, village_code FROM ({OutcomesInForce}) c WHERE candidate_type IS NOT NULL", connection);
        Bind(command, run, area);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }

    private static List<RuleCount> FindingsByRule(NpgsqlConnection connection, RunSummary run, string area)
    {
        using var command = new NpgsqlCommand($"""
            SELECT f.rule_id, count(*) FROM ({OutcomesInForce}) c
            JOIN findings f ON f.run_id = c.run_id AND f.household_id = c.household_id
            GROUP BY f.rule_id ORDER BY f.rule_id COLLATE "C"
            """, connection);
        Bind(command, run, area);
        using var reader = command.ExecuteReader();
        var rows = new List<RuleCount>();
        while (reader.Read())
        {
            rows.Add(new RuleCount(reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }

    private static void Bind(NpgsqlCommand command, RunSummary run, string area)
    {
        command.Parameters.AddWithValue("profile", run.Profile);
        command.Parameters.AddWithValue("run", run.Id);
        command.Parameters.AddWithValue("area", area);
    }

    private static RunSummary? Run(NpgsqlConnection connection, long runId)
    {
        using var command = new NpgsqlCommand($"SELECT {RunColumns} FROM evaluation_runs WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", runId);
        return ReadRuns(command).FirstOrDefault();
    }

    private static List<RunSummary> ReadRuns(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var runs = new List<RunSummary>();
        while (reader.Read())
        {
            runs.Add(new RunSummary(reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return runs;
    }

    private static void RequireRead(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.CanRead)
        {
            throw new NotPermittedException("管理员账号不能查看农户数据");
        }
    }
}
