using System.Collections.Concurrent;
using Monitoring.Rules.Facts;
using Monitoring.Store.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.Nightly;

/// <summary>
/// Chooses the households a run evaluates, on the run's read snapshot: every household (full), or the ones due
/// (incremental: new, changed data, next-change date come, helper group counts changed) staged in a temporary table;
/// the helper groups' counts; and the stream of records with each household's previous bookkeeping.
/// </summary>
internal static class HouseholdSelection
{
    /// <summary>What <c>due_households</c> holds of a household (<c>h</c>) and its bookkeeping (<c>s</c>).</summary>
    private const string DueColumns = """
        h.id, h.current_hash, s.outcome_hash, s.outcome_run_id, s.rule_ids, s.candidate_type, s.risk_since_run_id,
            s.household_hash AS evaluated_hash, s.next_change_on, s.gap_series
        """;

    /// <summary>Every helper's counts in the snapshot, keyed as the pipeline keys them (county code, trimmed name).</summary>
    public static Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> CurrentHelperGroups(NpgsqlConnection read)
    {
        using var command = new NpgsqlCommand("""
            SELECT county_code, btrim(helper_name), count(*) FILTER (WHERE category = 'monitored'), count(*) FILTER (WHERE category = 'lifted'), count(*)
            FROM households WHERE btrim(coalesce(helper_name, '')) <> '' GROUP BY 1, 2
            """, read) { CommandTimeout = 0 };
        return ReadGroups(command);
    }

    /// <summary>
    /// Whether the snapshot holds a change described after the as-of (one probe of the described-date index): only then
    /// does the run read the households as described on its as-of (<see cref="StagePointInTime"/>).
    /// </summary>
    public static bool HasChangeDescribedAfter(NpgsqlConnection read, DateOnly asOf)
    {
        using var command = new NpgsqlCommand("SELECT max(described_on) FROM household_changes", read);
        return command.ExecuteScalar() is DateOnly latest && latest > asOf;
    }

    /// <summary>
    /// Stages each household as described on the as-of: the newest recorded change whose described date is on or before
    /// it (ADR 0005); households with none are not in the store that night. Returns how many there are.
    /// </summary>
    public static long StagePointInTime(NpgsqlConnection read, DateOnly asOf)
    {
        StoreSql.Execute(read, $"""
            CREATE TEMP TABLE point_in_time ON COMMIT DROP AS
            SELECT DISTINCT ON (c.household_id) c.household_id AS id, c.new_hash AS hash
            FROM household_changes c WHERE c.described_on <= '{asOf:yyyy-MM-dd}'::date
            ORDER BY c.household_id, c.id DESC
            """);
        StoreSql.Execute(read, "ANALYZE point_in_time");
        return StoreSql.Scalar(read, "SELECT count(*) FROM point_in_time");
    }

    /// <summary>The helper groups' counts over the households as described on the as-of (their versions' region, category and helper).</summary>
    public static Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> PointInTimeHelperGroups(NpgsqlConnection read)
    {
        using var command = new NpgsqlCommand("""
            SELECT coalesce(v.record->'region'->>'countyCode', ''), btrim(v.record->'helper'->>'name'),
                count(*) FILTER (WHERE v.record->>'category' = 'monitored'), count(*) FILTER (WHERE v.record->>'category' = 'lifted'), count(*)
            FROM point_in_time p JOIN household_versions v ON v.hash = p.hash
            WHERE btrim(coalesce(v.record->'helper'->>'name', '')) <> '' GROUP BY 1, 2
            """, read) { CommandTimeout = 0 };
        return ReadGroups(command);
    }

    /// <summary>The helper groups' counts the previous run of the profile saw.</summary>
    public static Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> PreviousHelperGroups(NpgsqlConnection write, string profile)
    {
        using var command = new NpgsqlCommand("SELECT county_code, helper_name, monitored::bigint, lifted::bigint, households::bigint FROM helper_group_states WHERE profile = @profile", write);
        command.Parameters.AddWithValue("profile", profile);
        return ReadGroups(command);
    }

    public static bool SameCounts(HelperGroupFacts a, HelperGroupFacts b) =>
        a.MonitoredCount == b.MonitoredCount && a.LiftedCount == b.LiftedCount && a.HouseholdCount == b.HouseholdCount;

    public static void StageChangedGroups(NpgsqlConnection read, List<(string CountyCode, string HelperName)> changed)
    {
        StoreSql.Execute(read, "CREATE TEMP TABLE changed_groups (county_code text NOT NULL, helper_name text NOT NULL) ON COMMIT DROP");
        using (var copy = read.BeginBinaryImport("COPY changed_groups (county_code, helper_name) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (county, helper) in changed)
            {
                copy.StartRow();
                copy.Write(county, NpgsqlDbType.Text);
                copy.Write(helper, NpgsqlDbType.Text);
            }

            copy.Complete();
        }

        StoreSql.Execute(read, "ANALYZE changed_groups");
    }

    /// <summary>
    /// Stages the households an incremental run evaluates in a temporary table with fresh statistics, so their records
    /// are fetched by index rather than by scanning every version; returns how many there are.
    /// </summary>
    public static long StageDueHouseholds(NpgsqlConnection read, string profile, DateOnly asOf, bool changedGroups)
    {
        StoreSql.Execute(read, "SET LOCAL jit = off");
        StoreSql.Execute(read, $"""
            CREATE TEMP TABLE due_households ON COMMIT DROP AS
            SELECT {DueColumns}
            FROM households h
            LEFT JOIN household_evaluation_states s ON s.household_id = h.id AND s.profile = {Literal(profile)}
            WHERE s.household_id IS NULL OR s.household_hash <> h.current_hash OR s.next_change_on <= '{asOf:yyyy-MM-dd}'::date
            {(changedGroups ? "OR EXISTS (SELECT 1 FROM changed_groups g WHERE g.county_code = h.county_code AND g.helper_name = btrim(h.helper_name))" : "")}
            """);
        StoreSql.Execute(read, "ANALYZE due_households");
        return StoreSql.Scalar(read, "SELECT count(*) FROM due_households");
    }

    /// <summary>
    /// Adds to <c>due_households</c> the households a change elsewhere touches: every household of <paramref name="counties"/>
    /// (a department snapshot the previous run did not read), and the partners of the households whose data changed — every
    /// household that holds, now, a resident ID the changed household holds now or held when it was last evaluated (a person
    /// added to or removed from a household changes DATA-DUPLICATE-PERSON for the other households of that person, and for
    /// no one else). The persons, then the households holding them, each go in a table of their own with fresh statistics:
    /// a few tens of thousands of persons against millions, looked up one by one in the id_number index (OFFSET 0 keeps each
    /// lookup a lateral probe rather than a hash join over every person in the store). Returns how many were added.
    /// </summary>
    public static long StageAlsoDue(NpgsqlConnection read, string profile, string[] counties)
    {
        StoreSql.Execute(read, """
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
            """);
        using var stage = new NpgsqlCommand($"""
            INSERT INTO due_households
            SELECT {DueColumns}
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
            StoreSql.Execute(read, "ANALYZE due_households");
        }

        return added;
    }

    /// <summary>
    /// The households the run evaluates, each with the previous run's bookkeeping: all of them (full), or those staged in
    /// <c>due_households</c> (incremental).
    /// </summary>
    public static string HouseholdsQuery(string profile, bool full, bool pointInTime = false)
    {
        if (pointInTime)
        {
            // A past night is evaluated on its own: no earlier bookkeeping (it belongs to other nights), every outcome recorded.
            return """
                COPY (SELECT p.id, p.hash, v.record::text, NULL::text, NULL::bigint, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::date, NULL::text
                      FROM point_in_time p JOIN household_versions v ON v.hash = p.hash)
                TO STDOUT (FORMAT BINARY)
                """;
        }

        if (full)
        {
            return $"""
                COPY (SELECT h.id, h.current_hash, v.record::text, s.outcome_hash, s.outcome_run_id, s.rule_ids, s.candidate_type, s.risk_since_run_id,
                          s.household_hash AS evaluated_hash, s.next_change_on, s.gap_series
                      FROM households h JOIN household_versions v ON v.hash = h.current_hash
                      LEFT JOIN household_evaluation_states s ON s.household_id = h.id AND s.profile = {Literal(profile)})
                TO STDOUT (FORMAT BINARY)
                """;
        }

        return """
            COPY (SELECT d.id, d.current_hash, v.record::text, d.outcome_hash, d.outcome_run_id, d.rule_ids, d.candidate_type, d.risk_since_run_id,
                      d.evaluated_hash, d.next_change_on, d.gap_series
                  FROM due_households d JOIN household_versions v ON v.hash = d.current_hash)
            TO STDOUT (FORMAT BINARY)
            """;
    }

    /// <summary>The records of the run's snapshot; queues each household's previous bookkeeping for the recorder, in the same order.</summary>
    public static IEnumerable<byte[]> Records(NpgsqlBinaryExporter export, ConcurrentQueue<PriorOutcome> prior)
    {
        while (export.StartRow() != -1)
        {
            var id = export.Read<string>(NpgsqlDbType.Text);
            var hash = export.Read<string>(NpgsqlDbType.Text);
            // A text value travels as its UTF-8 bytes in binary COPY: read them as such, without a round trip through UTF-16.
            var record = export.Read<byte[]>(NpgsqlDbType.Bytea);
            prior.Enqueue(new PriorOutcome(id, hash, NullableText(export), NullableLong(export), NullableText(export), NullableText(export), NullableLong(export),
                NullableText(export), NullableDate(export), NullableText(export)));
            yield return record;
        }
    }

    private static Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> ReadGroups(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var groups = new Dictionary<(string, string), HelperGroupFacts>();
        while (reader.Read())
        {
            var key = (reader.GetString(0), reader.GetString(1));
            groups[key] = new HelperGroupFacts
            {
                CountyCode = key.Item1,
                HelperName = key.Item2,
                MonitoredCount = (int)reader.GetInt64(2),
                LiftedCount = (int)reader.GetInt64(3),
                HouseholdCount = (int)reader.GetInt64(4),
            };
        }

        return groups;
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string? NullableText(NpgsqlBinaryExporter export)
    {
        if (export.IsNull)
        {
            export.Skip();
            return null;
        }

        return export.Read<string>(NpgsqlDbType.Text);
    }

    private static long? NullableLong(NpgsqlBinaryExporter export)
    {
        if (export.IsNull)
        {
            export.Skip();
            return null;
        }

        return export.Read<long>(NpgsqlDbType.Bigint);
    }

    private static DateOnly? NullableDate(NpgsqlBinaryExporter export)
    {
        if (export.IsNull)
        {
            export.Skip();
            return null;
        }

        return export.Read<DateOnly>(NpgsqlDbType.Date);
    }
}
