using Monitoring.Engine.Department;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Formats;
using Monitoring.Rules.Department;
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
    /// Adds to an incremental run's <c>due_households</c> the households a department change touches: every household of a
    /// county with a snapshot the previous run did not read, and the partners of the households whose data changed — every
    /// household that has, now, a resident ID the changed household has now or had when it was last evaluated (a person
    /// added to or removed from a household changes DATA-DUPLICATE-PERSON for the other households of that person, and for
    /// no one else). Returns how many were added.
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
        // The persons of the changed households, then the households holding them, each in a table of its own with fresh
        // statistics. A few tens of thousands of persons against millions: looked up one by one in the id_number index
        // (OFFSET 0 keeps each lookup a lateral probe rather than a hash join over every person in the store).
        using (var partners = new NpgsqlCommand("""
            CREATE TEMP TABLE due_persons ON COMMIT DROP AS
            WITH changed AS (
                SELECT d.id, d.evaluated_hash FROM due_households d WHERE d.evaluated_hash IS DISTINCT FROM d.current_hash)
            SELECT p.id_number FROM changed c CROSS JOIN LATERAL (SELECT id_number FROM household_people p WHERE p.household_id = c.id OFFSET 0) p
            UNION
            SELECT upper(btrim(m->>'idNumber'))
            FROM changed c JOIN household_versions v ON v.hash = c.evaluated_hash
            CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v.record->'members') = 'array' THEN v.record->'members' ELSE '[]'::jsonb END) m
            WHERE coalesce(btrim(m->>'idNumber'), '') <> '';
            CREATE TEMP TABLE due_partners ON COMMIT DROP AS
            SELECT DISTINCT q.household_id AS id
            FROM due_persons d CROSS JOIN LATERAL (SELECT household_id FROM household_people p WHERE p.id_number = d.id_number OFFSET 0) q;
            ANALYZE due_partners;
            """, read) { CommandTimeout = 0 })
        {
            partners.ExecuteNonQuery();
        }

        using var stage = new NpgsqlCommand("""
            INSERT INTO due_households (id, current_hash, outcome_hash, outcome_run_id, rule_ids, candidate_type, risk_since_run_id,
                evaluated_hash, next_change_on, gap_series)
            SELECT h.id, h.current_hash, s.outcome_hash, s.outcome_run_id, s.rule_ids, s.candidate_type, s.risk_since_run_id,
                s.household_hash, s.next_change_on, s.gap_series
            FROM (SELECT id FROM due_partners UNION SELECT id FROM households WHERE county_code = ANY (@counties)) t
            JOIN households h ON h.id = t.id
            LEFT JOIN household_evaluation_states s ON s.household_id = h.id AND s.profile = @profile
            WHERE NOT EXISTS (SELECT 1 FROM due_households d WHERE d.id = h.id)
            """, read) { CommandTimeout = 0 };
        stage.Parameters.AddWithValue("profile", profile);
        stage.Parameters.AddWithValue("counties", NpgsqlDbType.Array | NpgsqlDbType.Text, counties);
        var added = stage.ExecuteNonQuery();
        if (added > 0)
        {
            using var analyze = new NpgsqlCommand("ANALYZE due_households", read);
            analyze.ExecuteNonQuery();
        }

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
