using System.Text;
using Monitoring.Rules.Facts;
using Monitoring.Store.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.Nightly;

/// <summary>
/// Writes what a run recorded, inside its write transaction: outcomes, the bookkeeping rows that changed, the helper
/// groups' counts, resolved findings, the totals, the households set aside, and the replay log (versions, risk series
/// and helper-group counts where they changed).
/// </summary>
internal static class OutcomeWriter
{
    public static void SaveOutcomes(NpgsqlConnection write, string outcomesFile) =>
        CopyIn(write, "COPY household_outcomes (run_id, household_id, profile, household_hash, outcome_hash, candidate_type, village_code, findings_count, risk_since_run_id) FROM STDIN", outcomesFile);

    /// <summary>Evaluations whose version or risk series changed while the outcome did not (the outcome rows cover the rest).</summary>
    public static void SaveEvaluations(NpgsqlConnection write, string evaluationsFile) =>
        CopyIn(write, "COPY household_evaluations (run_id, household_id, profile, household_hash, risk_since_run_id) FROM STDIN", evaluationsFile);

    /// <summary>
    /// Saves the bookkeeping rows that changed (a household's first evaluation, new data, a new outcome or a new next-change
    /// date): straight into the table when the profile has none yet, otherwise as an upsert.
    /// </summary>
    public static void SaveStates(NpgsqlConnection write, string profile, string statesFile)
    {
        const string Columns = "household_id, profile, household_hash, last_run_id, next_change_on, outcome_hash, outcome_run_id, candidate_type, rule_ids, risk_since_run_id";
        using (var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM household_evaluation_states WHERE profile = @profile)", write))
        {
            any.Parameters.AddWithValue("profile", profile);
            if (any.ExecuteScalar() is false)
            {
                CopyIn(write, $"COPY household_evaluation_states ({Columns}) FROM STDIN", statesFile);
                return;
            }
        }

        StoreSql.Execute(write, "CREATE TEMP TABLE state_updates (LIKE household_evaluation_states) ON COMMIT DROP");
        CopyIn(write, $"COPY state_updates ({Columns}) FROM STDIN", statesFile);
        StoreSql.Execute(write, $"""
            INSERT INTO household_evaluation_states ({Columns}) SELECT {Columns} FROM state_updates
            ON CONFLICT (household_id, profile) DO UPDATE SET household_hash = EXCLUDED.household_hash, last_run_id = EXCLUDED.last_run_id,
                next_change_on = EXCLUDED.next_change_on, outcome_hash = EXCLUDED.outcome_hash, outcome_run_id = EXCLUDED.outcome_run_id,
                candidate_type = EXCLUDED.candidate_type, rule_ids = EXCLUDED.rule_ids, risk_since_run_id = EXCLUDED.risk_since_run_id
            """);
    }

    /// <summary>
    /// Replaces the profile's helper-group counts with the run's, and logs the groups whose counts changed since the
    /// previous run in <c>run_helper_groups</c> (what a replay of the run reads).
    /// </summary>
    public static void SaveHelperGroups(NpgsqlConnection write, long runId, string profile, Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> groups,
        Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> previous)
    {
        using (var delete = new NpgsqlCommand("DELETE FROM helper_group_states WHERE profile = @profile", write))
        {
            delete.Parameters.AddWithValue("profile", profile);
            delete.ExecuteNonQuery();
        }

        using (var copy = write.BeginBinaryImport("COPY helper_group_states (profile, county_code, helper_name, monitored, lifted, households) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var group in groups.Values)
            {
                copy.StartRow();
                WriteGroup(copy, profile, group);
            }

            copy.Complete();
        }

        LogHelperGroups(write, runId, profile, groups, previous);
    }

    /// <summary>Logs the groups whose counts differ from <paramref name="previous"/> in <c>run_helper_groups</c>.</summary>
    public static void LogHelperGroups(NpgsqlConnection write, long runId, string profile, Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> groups,
        Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> previous)
    {
        using var log = write.BeginBinaryImport("COPY run_helper_groups (run_id, profile, county_code, helper_name, monitored, lifted, households) FROM STDIN (FORMAT BINARY)");
        foreach (var (key, group) in groups)
        {
            if (previous.TryGetValue(key, out var before) && HouseholdSelection.SameCounts(before, group))
            {
                continue;
            }

            log.StartRow();
            log.Write(runId, NpgsqlDbType.Bigint);
            WriteGroup(log, profile, group);
        }

        log.Complete();
    }

    /// <summary>Findings of replaced outcomes whose rule no longer fires for the household are recorded as resolved by this run.</summary>
    public static void Resolve(NpgsqlConnection write, long runId, string replacedFile)
    {
        StoreSql.Execute(write, "CREATE TEMP TABLE replaced_outcomes (household_id text NOT NULL, run_id bigint NOT NULL, new_rules text NOT NULL) ON COMMIT DROP");
        CopyIn(write, "COPY replaced_outcomes (household_id, run_id, new_rules) FROM STDIN", replacedFile);
        StoreSql.Execute(write, "ANALYZE replaced_outcomes");
        // The new outcome's rules come with each row: no second look into findings, whose statistics do not know this
        // run's rows yet (an anti-join against them was planned as a nested loop and took minutes).
        using var resolve = new NpgsqlCommand("""
            INSERT INTO finding_resolutions (finding_id, run_id)
            SELECT o.id, @run FROM replaced_outcomes r JOIN findings o ON o.run_id = r.run_id AND o.household_id = r.household_id
            WHERE NOT (o.rule_id = ANY (string_to_array(r.new_rules, ',')))
            """, write) { CommandTimeout = 0 };
        resolve.Parameters.AddWithValue("run", runId);
        resolve.ExecuteNonQuery();
    }

    /// <summary>The run's totals over every household: a full run counted them all; an incremental run adds its changes to the previous run's.</summary>
    public static (SortedDictionary<string, long> Rules, SortedDictionary<string, long> Candidates) Totals(NpgsqlConnection write, RunPlan plan, OutcomeRecorder recorder)
    {
        var rules = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var candidates = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (plan.IsFull)
        {
            Add(rules, recorder.RuleTotals);
            Add(candidates, recorder.CandidateTotals);
            return (rules, candidates);
        }

        using (var command = new NpgsqlCommand("SELECT kind, key, count FROM run_counts WHERE run_id = @previous", write))
        {
            command.Parameters.AddWithValue("previous", plan.PreviousRunId!.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                (reader.GetString(0) == "rule" ? rules : candidates)[reader.GetString(1)] = reader.GetInt64(2);
            }
        }

        Add(rules, recorder.RuleDelta);
        Add(candidates, recorder.CandidateDelta);
        return (rules, candidates);
    }

    public static void SaveTotals(NpgsqlConnection write, long runId, SortedDictionary<string, long> rules, SortedDictionary<string, long> candidates)
    {
        using var copy = write.BeginBinaryImport("COPY run_counts (run_id, kind, key, count) FROM STDIN (FORMAT BINARY)");
        foreach (var (kind, counts) in new[] { ("rule", rules), ("candidate", candidates) })
        {
            foreach (var (key, count) in counts)
            {
                copy.StartRow();
                copy.Write(runId, NpgsqlDbType.Bigint);
                copy.Write(kind, NpgsqlDbType.Text);
                copy.Write(key, NpgsqlDbType.Text);
                copy.Write(count, NpgsqlDbType.Bigint);
            }
        }

        copy.Complete();
    }

    public static void SaveSetAside(NpgsqlConnection write, long runId, IReadOnlyList<SetAsideHousehold> setAside)
    {
        if (setAside.Count == 0)
        {
            return;
        }

        using var copy = write.BeginBinaryImport("COPY run_set_aside (run_id, household_id, household_hash, field, reason) FROM STDIN (FORMAT BINARY)");
        foreach (var household in setAside)
        {
            copy.StartRow();
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(household.HouseholdId, NpgsqlDbType.Text);
            BinaryCopy.WriteText(copy, household.HouseholdHash);
            copy.Write(household.Field, NpgsqlDbType.Text);
            copy.Write(household.Reason, NpgsqlDbType.Text);
        }

        copy.Complete();
    }

    private static void WriteGroup(NpgsqlBinaryImporter copy, string profile, HelperGroupFacts group)
    {
        copy.Write(profile, NpgsqlDbType.Text);
        copy.Write(group.CountyCode, NpgsqlDbType.Text);
        copy.Write(group.HelperName, NpgsqlDbType.Text);
        copy.Write(group.MonitoredCount, NpgsqlDbType.Integer);
        copy.Write(group.LiftedCount, NpgsqlDbType.Integer);
        copy.Write(group.HouseholdCount, NpgsqlDbType.Integer);
    }

    private static void Add(SortedDictionary<string, long> totals, Dictionary<string, long> counts)
    {
        foreach (var (key, count) in counts)
        {
            var total = (totals.TryGetValue(key, out var current) ? current : 0) + count;
            if (total == 0)
            {
                totals.Remove(key);
            }
            else
            {
                totals[key] = total;
            }
        }
    }

    private static void CopyIn(NpgsqlConnection connection, string copySql, string file)
    {
        using var writer = connection.BeginTextImport(copySql);
        using var reader = new StreamReader(file, new UTF8Encoding(false));
        var buffer = new char[1 << 16];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            writer.Write(buffer, 0, read);
        }
    }
}
