using Monitoring.Engine.Department;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Formats;
using Monitoring.Rules.Department;
using Monitoring.Store.Nightly;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.Department;

/// <summary>
/// What a nightly run compares households with beyond their records (department-data.md), loaded once per run from the
/// run's snapshot of the store: the department snapshots it reads (of each county's roster lists the newest on or before
/// the as-of, every warn-* snapshot up to it) indexed by county and resident ID, and the persons shared by several
/// households. Also decides which households a new snapshot touches (incremental runs) and records which snapshots the
/// run read (replay). The runner calls it at three points; it holds no connection.
/// </summary>
public sealed class DepartmentRunInputs
{
    private readonly RosterIndex _rosters;

    private DepartmentRunInputs(IReadOnlyList<RosterSnapshot> snapshots, RosterIndex index, PersonIndex people)
    {
        Snapshots = snapshots;
        _rosters = index;
        Context = new DepartmentContext(index, people);
    }

    /// <summary>The snapshots the run reads.</summary>
    public IReadOnlyList<RosterSnapshot> Snapshots { get; }

    /// <summary>For the evaluation pipeline.</summary>
    public DepartmentContext Context { get; private set; }

    /// <summary>
    /// Loads on the run's read connection (inside its repeatable-read snapshot): the snapshots, and the persons shared by
    /// several households — of every household for a full run; for an incremental run only once its households are staged
    /// (<see cref="StageDue"/>), and only the persons of those.
    /// </summary>
    public static DepartmentRunInputs Load(NpgsqlConnection read, DateOnly asOf, bool everyHousehold = true)
    {
        var snapshots = DepartmentDeliveryStore.LoadForRun(read, asOf, null);
        var people = everyHousehold ? SharedPersons(read, """
            SELECT id_number, array_agg(DISTINCT household_id ORDER BY household_id) FROM household_people
            GROUP BY id_number HAVING count(DISTINCT household_id) > 1
            """) : PersonIndex.Empty;
        return new DepartmentRunInputs(snapshots, new RosterIndex(snapshots, asOf), people);
    }

    private static PersonIndex SharedPersons(NpgsqlConnection read, string sql)
    {
        var shared = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var command = new NpgsqlCommand(sql, read) { CommandTimeout = 0 };
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            shared[reader.GetString(0)] = reader.GetFieldValue<string[]>(1);
        }

        return new PersonIndex(shared);
    }

    /// <summary>
    /// Adds to an incremental run's <c>due_households</c> the households of every county with a snapshot the previous run
    /// did not read, and the partners of the households whose data changed (<see cref="HouseholdSelection.StageAlsoDue"/>);
    /// then looks up the shared persons of the staged households only. Returns how many were added.
    /// </summary>
    public long StageDue(NpgsqlConnection read, long? previousRunId, string profile)
    {
        var readBefore = new HashSet<long>();
        if (previousRunId is { } previous)
        {
            using var command = new NpgsqlCommand("SELECT delivery_id FROM run_roster_snapshots WHERE run_id = @run", read);
            command.Parameters.AddWithValue("run", previous);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                readBefore.Add(reader.GetInt64(0));
            }
        }

        var counties = Snapshots.Where(s => !readBefore.Contains(s.Id)).Select(s => s.CountyCode).Distinct().ToArray();
        var added = HouseholdSelection.StageAlsoDue(read, profile, counties);
        // Only the staged households are evaluated: only their persons are looked up.
        Context = new DepartmentContext(_rosters, SharedPersons(read, """
            WITH persons AS (
                SELECT DISTINCT p.id_number
                FROM due_households d CROSS JOIN LATERAL (SELECT id_number FROM household_people p WHERE p.household_id = d.id OFFSET 0) p)
            SELECT d.id_number, array_agg(DISTINCT q.household_id ORDER BY q.household_id)
            FROM persons d CROSS JOIN LATERAL (SELECT household_id FROM household_people p WHERE p.id_number = d.id_number OFFSET 0) q
            GROUP BY d.id_number HAVING count(DISTINCT q.household_id) > 1
            """));
        return added;
    }

    /// <summary>Records, in the run's transaction, which snapshots it read.</summary>
    public void RecordRun(NpgsqlConnection write, long runId) => DepartmentDeliveryStore.RecordRun(write, runId, Snapshots);

    /// <summary>
    /// Evaluates the area rules (DEPT-FEED-LATE) for every county and list delivered and stores their findings with the run
    /// (no household); returns their counts by rule.
    /// </summary>
    public Dictionary<string, long> RecordAreaFindings(NpgsqlConnection write, long runId, HouseholdEvaluator evaluator, string profile, DateOnly asOf)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var copy = write.BeginBinaryImport("""
            COPY findings (run_id, household_id, rule_id, member_id, severity, as_of, rule_version, profile, village_code, household_hash, finding)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var area in Context.Rosters.Areas(asOf))
        {
            foreach (var finding in evaluator.EvaluateArea(area))
            {
                copy.StartRow();
                copy.Write(runId, NpgsqlDbType.Bigint);
                copy.WriteNull();
                copy.Write(finding.RuleId, NpgsqlDbType.Text);
                copy.WriteNull();
                copy.Write(finding.Severity, NpgsqlDbType.Text);
                copy.Write(asOf, NpgsqlDbType.Date);
                copy.Write(finding.RuleVersion, NpgsqlDbType.Text);
                copy.Write(profile, NpgsqlDbType.Text);
                copy.WriteNull();
                copy.WriteNull();
                copy.Write(System.Text.Encoding.UTF8.GetString(FindingJson.Serialize(finding)), NpgsqlDbType.Json);
                counts[finding.RuleId] = counts.GetValueOrDefault(finding.RuleId) + 1;
            }
        }

        copy.Complete();
        return counts;
    }

    /// <summary>
    /// Run totals with this run's area findings: an incremental run's totals start from the previous run's, whose area
    /// findings are replaced by this run's (area findings are evaluated whole every night).
    /// </summary>
    public static void ReplaceAreaTotals(NpgsqlConnection write, long? previousRunId, IDictionary<string, long> totals, Dictionary<string, long> areaCounts)
    {
        if (previousRunId is { } previous)
        {
            using var command = new NpgsqlCommand("SELECT rule_id, count(*) FROM findings WHERE run_id = @run AND household_id IS NULL GROUP BY rule_id", write);
            command.Parameters.AddWithValue("run", previous);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var left = totals.TryGetValue(reader.GetString(0), out var total) ? total - reader.GetInt64(1) : 0;
                if (left > 0)
                {
                    totals[reader.GetString(0)] = left;
                }
                else
                {
                    totals.Remove(reader.GetString(0));
                }
            }
        }

        foreach (var (rule, count) in areaCounts)
        {
            totals[rule] = (totals.TryGetValue(rule, out var current) ? current : 0) + count;
        }
    }

    /// <summary>
    /// For replaying one household of a stored run: the snapshots the run recorded it read, and the other households sharing
    /// this household's members' resident IDs (from the store as it is now: a shared person the run saw in a household
    /// that has changed since is not reproduced).
    /// </summary>
    public static DepartmentContext ForReplay(NpgsqlConnection connection, long runId, DateOnly asOf, Monitoring.Engine.Records.HouseholdRecord record)
    {
        var snapshots = DepartmentDeliveryStore.LoadOfRun(connection, runId);
        var ids = (record.Members ?? []).Select(m => RosterLineValidator.Normalise(m.IdNumber)).OfType<string>().Where(i => i.Length > 0).ToArray();
        var shared = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using (var command = new NpgsqlCommand("""
            SELECT id_number, array_agg(DISTINCT household_id ORDER BY household_id) FROM household_people
            WHERE id_number = ANY (@ids) GROUP BY id_number HAVING count(DISTINCT household_id) > 1
            """, connection))
        {
            command.Parameters.AddWithValue("ids", ids);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                shared[reader.GetString(0)] = reader.GetFieldValue<string[]>(1);
            }
        }

        return new DepartmentContext(new RosterIndex(snapshots, asOf), new PersonIndex(shared));
    }
}
