using System.Text.Json;
using Monitoring.Store.Access;
using Monitoring.Store.Exporting;
using Monitoring.Store.Statistics;
using Monitoring.Store.Nightly;
using Npgsql;

namespace Monitoring.Store.Runs;

/// <summary>
/// The run ledger read back — the one run listing: <c>runs list</c>, <c>runs show</c> (with the households set aside),
/// <c>runs diff</c>, the pages (工作台, 待核查, 审计, the pages' date) and <c>GET /api/v1/runs</c>. A run is not area data:
/// with a <see cref="Caller"/> the list is refused to roles without household data, and a run's detail counts only the
/// caller's area (<see cref="Detail"/>).
/// </summary>
public sealed class RunQueries
{
    private const string Columns = """
        id, as_of, profile, mode, status, started_at, finished_at, rules_version, rule_set_hash, households_evaluated, outcomes_recorded,
        findings_count, candidates_count, new_findings, resolved_findings, set_aside_count, error, point_in_time
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly FindingsExporter _exporter;

    public RunQueries(NpgsqlDataSource dataSource, FindingsExporter exporter)
    {
        _dataSource = dataSource;
        _exporter = exporter;
    }

    /// <summary>
    /// The newest runs first (at most <paramref name="limit"/>), optionally of one profile; for a <paramref name="caller"/>
    /// only when the caller's role reads household data (else <see cref="NotPermittedException"/>).
    /// </summary>
    public IReadOnlyList<StoredRun> List(string? profile = null, int limit = 50, Caller? caller = null)
    {
        caller?.RequireRead();
        return Read($"SELECT {Columns} FROM evaluation_runs WHERE @profile::text IS NULL OR profile = @profile ORDER BY id DESC LIMIT @limit",
            ("profile", (object?)profile ?? DBNull.Value), ("limit", Math.Clamp(limit, 1, 10_000)));
    }

    /// <summary>The latest run, whatever its status (a failed or running night shows as such), or null.</summary>
    public StoredRun? Latest() => Read($"SELECT {Columns} FROM evaluation_runs ORDER BY id DESC LIMIT 1").FirstOrDefault();

    /// <summary>The latest completed run, or null: the night the pages' lists are computed for.</summary>
    public StoredRun? LatestCompleted() => Read($"SELECT {Columns} FROM evaluation_runs WHERE status = 'completed' ORDER BY id DESC LIMIT 1").FirstOrDefault();

    /// <summary>
    /// The run with its figures in the caller's area (households with an outcome in force that night, flagged households,
    /// findings by rule), or null when there is no such run.
    /// </summary>
    public RunDetail? Detail(Caller caller, long runId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead();
        var run = Find(runId);
        if (run is null)
        {
            return null;
        }

        using var connection = _dataSource.OpenConnection();
        var (households, flagged) = AreaOutcomes.Counts(connection, caller.AreaCode, run.Id, run.Profile);
        var byRule = AreaOutcomes.ByRule(connection, caller.AreaCode, run.Id, run.Profile);
        return new RunDetail(run, caller.AreaCode, households, flagged, byRule.Sum(r => r.Count), byRule);
    }

    public StoredRun? Find(long runId) => Read($"SELECT {Columns} FROM evaluation_runs WHERE id = @id", ("id", runId)).FirstOrDefault();

    private List<StoredRun> Read(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var runs = new List<StoredRun>();
        while (reader.Read())
        {
            runs.Add(Read(reader));
        }

        return runs;
    }

    /// <summary>The latest completed run of a night (as-of), optionally of one profile.</summary>
    public long? LatestCompletedRunOf(DateOnly asOf, string? profile)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT max(id) FROM evaluation_runs WHERE status = 'completed' AND as_of = @asOf AND (@profile::text IS NULL OR profile = @profile)
            """, connection);
        command.Parameters.AddWithValue("asOf", asOf);
        command.Parameters.AddWithValue("profile", (object?)profile ?? DBNull.Value);
        return command.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>The households a run set aside, each problem with its field and reason.</summary>
    public IReadOnlyList<SetAsideHousehold> SetAside(long runId, string? householdId = null)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT household_id, household_hash, field, reason FROM run_set_aside
            WHERE run_id = @run AND (@household::text IS NULL OR household_id = @household) ORDER BY household_id COLLATE "C", id
            """, connection);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("household", (object?)householdId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var households = new List<SetAsideHousehold>();
        while (reader.Read())
        {
            households.Add(new SetAsideHousehold(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return households;
    }

    /// <summary>
    /// Per household, the findings of run <paramref name="laterRunId"/> against those of <paramref name="earlierRunId"/>
    /// (each run's view: the outcome in force that night): rules new, resolved, and changed (other values, parameters or
    /// version; the as-of date is not a change).
    /// </summary>
    public IReadOnlyList<RunDiff> Diff(long earlierRunId, long laterRunId)
    {
        var before = ByHousehold(earlierRunId);
        var after = ByHousehold(laterRunId);
        var diffs = new List<RunDiff>();
        foreach (var household in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(household) ?? [];
            var current = after.GetValueOrDefault(household) ?? [];
            var added = current.Keys.Where(r => !old.ContainsKey(r)).Order(StringComparer.Ordinal).ToList();
            var resolved = old.Keys.Where(r => !current.ContainsKey(r)).Order(StringComparer.Ordinal).ToList();
            var changed = current.Keys.Where(r => old.TryGetValue(r, out var json) && json != current[r]).Order(StringComparer.Ordinal).ToList();
            if (added.Count + resolved.Count + changed.Count > 0)
            {
                diffs.Add(household.StartsWith(AreaKeyPrefix)
                    ? new RunDiff("", added, resolved, changed) { Area = household[1..] }
                    : new RunDiff(household, added, resolved, changed));
            }
        }

        return diffs;
    }

    /// <summary>Starts the key of an area's findings (no household id starts with it).</summary>
    private const char AreaKeyPrefix = '\u0001';

    /// <summary>
    /// Each household's findings of a run by rule (one finding per rule and household), without the as-of date; area findings
    /// (no household) by county and list.
    /// </summary>
    private Dictionary<string, Dictionary<string, string>> ByHousehold(long runId)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var json in _exporter.Findings(runId, null))
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var household = root.GetProperty("householdId").GetString() ?? AreaKey(root);
            var rule = root.GetProperty("ruleId").GetString()!;
            if (!result.TryGetValue(household, out var rules))
            {
                rules = new Dictionary<string, string>(StringComparer.Ordinal);
                result[household] = rules;
            }

            rules[rule] = FindingsExporter.WithAsOf(json, Monitoring.Engine.Formats.FindingJson.AsOfPrefix + "\"");
        }

        return result;
    }

    private static string AreaKey(JsonElement finding)
    {
        var area = finding.GetProperty("area");
        return $"{AreaKeyPrefix}县 {area.GetProperty("countyCode").GetString()} 名单 {area.GetProperty("list").GetString()}";
    }

    private static StoredRun Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        AsOf = reader.GetFieldValue<DateOnly>(1),
        Profile = reader.GetString(2),
        Mode = reader.GetString(3),
        Status = reader.GetString(4),
        StartedAt = reader.GetFieldValue<DateTimeOffset>(5),
        FinishedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
        RulesVersion = reader.GetString(7),
        RuleSetHash = reader.IsDBNull(8) ? null : reader.GetString(8),
        HouseholdsEvaluated = reader.GetInt64(9),
        OutcomesRecorded = reader.GetInt64(10),
        FindingsCount = reader.GetInt64(11),
        CandidatesCount = reader.GetInt64(12),
        NewFindings = reader.GetInt64(13),
        ResolvedFindings = reader.GetInt64(14),
        SetAsideCount = reader.GetInt64(15),
        Error = reader.IsDBNull(16) ? null : reader.GetString(16),
        PointInTime = reader.GetBoolean(17),
    };
}
