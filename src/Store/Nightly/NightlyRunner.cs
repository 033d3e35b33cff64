using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Output;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Facts;
using Npgsql;
using NpgsqlTypes;
using Monitoring.Store.Importing;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Nightly;

/// <summary>
/// One nightly run over the store, full or incremental (<see cref="RunPlanner"/>). The households are read from one
/// REPEATABLE READ snapshot and evaluated by the same pipeline as <c>evaluate</c>; an incremental run reads only the
/// households whose data changed, whose helper group's counts changed, or whose "next date the outcome can change"
/// has come (<see cref="OutcomeHorizon"/>). Each evaluated outcome is compared with the one in force and recorded only
/// when it differs; everything the run writes is committed in one transaction with its completion, so a run killed
/// midway leaves nothing but its "running" row, which the next run marks failed.
/// </summary>
public sealed class NightlyRunner
{
    private const long AnalyzeAfterOutcomes = 100_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly RuleSet _ruleSet;

    /// <param name="dataSource">The store (<see cref="StoreDataSource"/>: no client-side command timeout, since a run's
    /// statements and COPY operations take as long as the store is large).</param>
    /// <param name="ruleSet">The profile's rules.</param>
    public NightlyRunner(NpgsqlDataSource dataSource, RuleSet ruleSet)
    {
        _dataSource = dataSource;
        _ruleSet = ruleSet;
    }

    /// <summary>Called now and then with (households evaluated, households due in the run).</summary>
    public Action<long, long>? OnProgress { get; init; }

    /// <summary>Called after each stage of a run with its name (Chinese) and duration.</summary>
    public Action<string, TimeSpan>? OnStage { get; init; }

    /// <summary>Called once the run's mode is chosen, with the plan (mode and reason in Chinese).</summary>
    public Action<RunPlan>? OnPlan { get; init; }

    public RunResult Run(DateOnly asOf, CancellationToken cancellationToken = default) => Run(asOf, full: false, cancellationToken);

    /// <param name="asOf">The evaluation date.</param>
    /// <param name="full">Evaluate every household even when an incremental run would do.</param>
    /// <param name="cancellationToken">Cancels the run; nothing of it is committed.</param>
    public RunResult Run(DateOnly asOf, bool full, CancellationToken cancellationToken = default)
    {
        MarkAbandonedRunsFailed();
        var rulesVersion = RuleVersions.ForRuleSet(_ruleSet);
        var engineVersion = RuleVersions.ForEngine();
        var plan = RunPlanner.Decide(LoadPreviousRun(), asOf, rulesVersion, engineVersion, _ruleSet, full);
        OnPlan?.Invoke(plan);
        var runId = StartRun(asOf, rulesVersion, engineVersion, plan.Mode);
        try
        {
            return Execute(runId, asOf, plan, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = new NightlyRunFailedException(runId, ex);
            FailRun(runId, failure.Message);
            throw failure;
        }
        catch (OperationCanceledException)
        {
            FailRun(runId, "运行被取消");
            throw;
        }
    }

    /// <summary>Runs left "running" by a process on this host that no longer exists are marked failed.</summary>
    public int MarkAbandonedRunsFailed()
    {
        using var connection = Open();
        var abandoned = new List<long>();
        using (var command = new NpgsqlCommand("SELECT id, process_id FROM evaluation_runs WHERE status = 'running' AND host = @host", connection))
        {
            command.Parameters.AddWithValue("host", Environment.MachineName);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!IsAlive(reader.GetInt32(1)))
                {
                    abandoned.Add(reader.GetInt64(0));
                }
            }
        }

        foreach (var id in abandoned)
        {
            using var update = new NpgsqlCommand("UPDATE evaluation_runs SET status = 'failed', finished_at = now(), error = '进程中断：运行未完成，已标记为失败' WHERE id = @id AND status = 'running'", connection);
            update.Parameters.AddWithValue("id", id);
            update.ExecuteNonQuery();
        }

        return abandoned.Count;
    }

    private RunResult Execute(long runId, DateOnly asOf, RunPlan plan, CancellationToken cancellationToken)
    {
        var profile = _ruleSet.Profile.Id;
        var stopwatch = Stopwatch.StartNew();
        using var write = Open();
        using var transaction = write.BeginTransaction();
        TakeRunLock(write, profile);
        var history = new RunHistory(CompletedRuns(write, profile), runId, asOf);
        var previousGroups = plan.IsFull ? new Dictionary<(string CountyCode, string HelperName), HelperGroupFacts>() : HelperGroupStates(write, profile);

        using var read = Open();
        using var snapshot = read.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        // Every statement on `read` sees the same snapshot of the households.
        var inStore = StoreSql.Scalar(read, "SELECT count(*) FROM households");
        var groups = CurrentHelperGroups(read);
        var changedGroups = groups.Where(g => !previousGroups.TryGetValue(g.Key, out var before) || !SameCounts(before, g.Value)).Select(g => g.Key).ToList();
        if (!plan.IsFull && changedGroups.Count > 0)
        {
            StageChangedGroups(read, changedGroups);
        }

        // Counting the due households costs a pass over the store: only for a progress display.
        var department = Department.DepartmentRunInputs.Load(read, asOf);
        var due = plan.IsFull ? inStore : StageDueHouseholds(read, asOf, changedGroups.Count > 0, plan, department);
        Stage("确定评估范围", stopwatch);

        var work = Directory.CreateTempSubdirectory(TemporaryFiles.Prefix("run"));
        try
        {
            var prior = new ConcurrentQueue<PriorOutcome>();
            long evaluated = 0;
            var progress = Stopwatch.StartNew();
            EvaluationSummary summary;
            OutcomeRecorder recorder;
            using (var findings = write.BeginBinaryImport("""
                COPY findings (run_id, household_id, rule_id, member_id, severity, as_of, rule_version, profile, village_code, household_hash, finding)
                FROM STDIN (FORMAT BINARY)
                """))
            {
                recorder = new OutcomeRecorder(runId, asOf, profile, findings, new HouseholdEvaluator(_ruleSet, asOf, new RuleVersions()), history, prior, work.FullName);
                var pipeline = new EvaluationPipeline(_ruleSet, asOf)
                {
                    HelperGroups = groups,
                    Horizon = new OutcomeHorizon(_ruleSet),
                    Department = department.Context,
                    OnEvaluated = household =>
                    {
                        recorder.Record(household);
                        evaluated++;
                        if (progress.ElapsedMilliseconds > 1000)
                        {
                            OnProgress?.Invoke(evaluated, due);
                            progress.Restart();
                        }
                    },
                    OnProblem = problem => throw new InvalidDataException($"库中记录无法评估：{problem}"),
                };

                using (var export = read.BeginBinaryExport(HouseholdsQuery(plan)))
                {
                    summary = pipeline.RunUnsorted(Records(export, prior), cancellationToken);
                }

                findings.Complete();
                recorder.Complete();
            }

            OnProgress?.Invoke(evaluated, due);
            Stage("读取、评估与保存发现", stopwatch);

            CopyIn(write, "COPY household_outcomes (run_id, household_id, profile, household_hash, outcome_hash, candidate_type, village_code, findings_count) FROM STDIN", recorder.OutcomesFile);
            Stage("保存户结果", stopwatch);
            SaveStates(write, profile, recorder.StatesFile);
            Stage($"保存复核日期（{recorder.StatesWritten:N0} 户）", stopwatch);
            SaveHelperGroups(write, profile, groups);
            Resolve(write, runId, recorder.ReplacedFile);
            Stage("记录已消除的发现", stopwatch);
            var areaCounts = department.RecordAreaFindings(write, runId, new HouseholdEvaluator(_ruleSet, asOf, new RuleVersions()), profile, asOf);
            var (rules, candidates) = Totals(write, plan, recorder);
            Department.DepartmentRunInputs.ReplaceAreaTotals(write, plan.IsFull ? null : plan.PreviousRunId, rules, areaCounts);
            SaveTotals(write, runId, rules, candidates);
            if (recorder.OutcomesRecorded > AnalyzeAfterOutcomes)
            {
                // Fresh statistics for the rows just added, or the planner treats them as absent in the next run's joins.
                StoreSql.Execute(write, "ANALYZE findings, household_outcomes");
            }

            department.RecordRun(write, runId);
            Stage("统计与分析", stopwatch);
            var findingsTotal = rules.Values.Sum();
            var candidatesTotal = candidates.Values.Sum();
            using (var complete = new NpgsqlCommand("""
                UPDATE evaluation_runs SET status = 'completed', finished_at = now(), households_evaluated = @evaluated, outcomes_recorded = @outcomes,
                    findings_count = @findings, candidates_count = @candidates, new_findings = @new, resolved_findings = @resolved
                WHERE id = @id
                """, write))
            {
                complete.Parameters.AddWithValue("evaluated", recorder.Evaluated);
                complete.Parameters.AddWithValue("outcomes", recorder.OutcomesRecorded);
                complete.Parameters.AddWithValue("findings", findingsTotal);
                complete.Parameters.AddWithValue("candidates", candidatesTotal);
                complete.Parameters.AddWithValue("new", recorder.NewFindings);
                complete.Parameters.AddWithValue("resolved", recorder.ResolvedFindings);
                complete.Parameters.AddWithValue("id", runId);
                complete.ExecuteNonQuery();
            }

            transaction.Commit();
            Stage("提交", stopwatch);
            var view = new EvaluationSummary { AsOf = asOf, Profile = profile, RuleSetVersion = summary.RuleSetVersion, HouseholdsRead = inStore, HouseholdsEvaluated = inStore, FindingsWritten = findingsTotal, Elapsed = summary.Elapsed, EvaluationElapsed = summary.EvaluationElapsed };
            foreach (var (rule, count) in rules)
            {
                view.FindingsByRule[rule] = count;
            }

            foreach (var (type, count) in candidates)
            {
                view.CandidatesByType[type] = count;
            }

            foreach (var (rule, count) in summary.NotEvaluableByRule)
            {
                view.NotEvaluableByRule[rule] = count;
            }

            foreach (var (rule, count) in summary.ErrorsByRule)
            {
                view.ErrorsByRule[rule] = count;
            }

            return new RunResult(runId, plan.PreviousRunId, view, recorder.NewFindings, recorder.ResolvedFindings)
            {
                Plan = plan,
                HouseholdsInStore = inStore,
                HouseholdsEvaluated = recorder.Evaluated,
                OutcomesRecorded = recorder.OutcomesRecorded,
                FindingsRecorded = recorder.FindingsRecorded,
            };
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The households the run evaluates, each with the previous run's bookkeeping: all of them (full), or those staged in
    /// <c>due_households</c> (incremental).
    /// </summary>
    private string HouseholdsQuery(RunPlan plan)
    {
        if (plan.IsFull)
        {
            return $"""
                COPY (SELECT h.id, h.current_hash, v.record::text, s.outcome_hash, s.outcome_run_id, s.rule_ids, s.candidate_type, s.risk_since_run_id,
                          s.household_hash AS evaluated_hash, s.next_change_on
                      FROM households h JOIN household_versions v ON v.hash = h.current_hash
                      LEFT JOIN household_evaluation_states s ON s.household_id = h.id AND s.profile = {Literal(_ruleSet.Profile.Id)})
                TO STDOUT (FORMAT BINARY)
                """;
        }

        return """
            COPY (SELECT d.id, d.current_hash, v.record::text, d.outcome_hash, d.outcome_run_id, d.rule_ids, d.candidate_type, d.risk_since_run_id,
                      d.evaluated_hash, d.next_change_on
                  FROM due_households d JOIN household_versions v ON v.hash = d.current_hash)
            TO STDOUT (FORMAT BINARY)
            """;
    }

    /// <summary>
    /// Stages the households an incremental run evaluates (new, changed data, next-change date come, helper group counts
    /// changed) in a temporary table with fresh statistics, so their records are fetched by index rather than by
    /// scanning every version; returns how many there are.
    /// </summary>
    private long StageDueHouseholds(NpgsqlConnection read, DateOnly asOf, bool changedGroups, RunPlan plan, Department.DepartmentRunInputs department)
    {
        StoreSql.Execute(read, "SET LOCAL jit = off");
        StoreSql.Execute(read, $"""
            CREATE TEMP TABLE due_households ON COMMIT DROP AS
            SELECT h.id, h.current_hash, s.outcome_hash, s.outcome_run_id, s.rule_ids, s.candidate_type, s.risk_since_run_id,
                s.household_hash AS evaluated_hash, s.next_change_on
            FROM households h
            LEFT JOIN household_evaluation_states s ON s.household_id = h.id AND s.profile = {Literal(_ruleSet.Profile.Id)}
            WHERE s.household_id IS NULL OR s.household_hash <> h.current_hash OR s.next_change_on <= '{asOf:yyyy-MM-dd}'::date
            {(changedGroups ? "OR EXISTS (SELECT 1 FROM changed_groups g WHERE g.county_code = h.county_code AND g.helper_name = btrim(h.helper_name))" : "")}
            """);
        department.StageDue(read, plan.PreviousRunId, _ruleSet.Profile.Id);
        StoreSql.Execute(read, "ANALYZE due_households");
        return StoreSql.Scalar(read, "SELECT count(*) FROM due_households");
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The records of the run's snapshot; queues each household's previous bookkeeping for the recorder, in the same order.</summary>
    private static IEnumerable<byte[]> Records(NpgsqlBinaryExporter export, ConcurrentQueue<PriorOutcome> prior)
    {
        while (export.StartRow() != -1)
        {
            var id = export.Read<string>(NpgsqlDbType.Text);
            var hash = export.Read<string>(NpgsqlDbType.Text);
            // A text value travels as its UTF-8 bytes in binary COPY: read them as such, without a round trip through UTF-16.
            var record = export.Read<byte[]>(NpgsqlDbType.Bytea);
            prior.Enqueue(new PriorOutcome(id, hash, NullableText(export), NullableLong(export), NullableText(export), NullableText(export), NullableLong(export),
                NullableText(export), NullableDate(export)));
            yield return record;
        }
    }

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

    private static void TakeRunLock(NpgsqlConnection write, string profile)
    {
        using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtext('monitoring-nightly'), hashtext(@profile))", write);
        command.Parameters.AddWithValue("profile", profile);
        if (command.ExecuteScalar() is not true)
        {
            throw new InvalidOperationException($"地区配置 {profile} 的另一个评估批次正在运行，本批次未执行");
        }
    }

    private PreviousRun? LoadPreviousRun()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("""
            SELECT id, as_of, rules_version, engine_version FROM evaluation_runs
            WHERE profile = @profile AND status = 'completed' ORDER BY id DESC LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("profile", _ruleSet.Profile.Id);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new PreviousRun(reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
    }

    private static List<(long Id, DateOnly AsOf)> CompletedRuns(NpgsqlConnection connection, string profile)
    {
        using var command = new NpgsqlCommand("SELECT id, as_of FROM evaluation_runs WHERE profile = @profile AND status = 'completed'", connection);
        command.Parameters.AddWithValue("profile", profile);
        using var reader = command.ExecuteReader();
        var runs = new List<(long, DateOnly)>();
        while (reader.Read())
        {
            runs.Add((reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1)));
        }

        return runs;
    }

    /// <summary>Every helper's counts in the snapshot, keyed as the pipeline keys them (county code, trimmed name).</summary>
    private static Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> CurrentHelperGroups(NpgsqlConnection read)
    {
        using var command = new NpgsqlCommand("""
            SELECT county_code, btrim(helper_name), count(*) FILTER (WHERE category = 'monitored'), count(*) FILTER (WHERE category = 'lifted'), count(*)
            FROM households WHERE btrim(coalesce(helper_name, '')) <> '' GROUP BY 1, 2
            """, read) { CommandTimeout = 0 };
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

    private static Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> HelperGroupStates(NpgsqlConnection write, string profile)
    {
        using var command = new NpgsqlCommand("SELECT county_code, helper_name, monitored, lifted, households FROM helper_group_states WHERE profile = @profile", write);
        command.Parameters.AddWithValue("profile", profile);
        using var reader = command.ExecuteReader();
        var groups = new Dictionary<(string, string), HelperGroupFacts>();
        while (reader.Read())
        {
            groups[(reader.GetString(0), reader.GetString(1))] = new HelperGroupFacts
            {
                CountyCode = reader.GetString(0),
                HelperName = reader.GetString(1),
                MonitoredCount = reader.GetInt32(2),
                LiftedCount = reader.GetInt32(3),
                HouseholdCount = reader.GetInt32(4),
            };
        }

        return groups;
    }

    private static bool SameCounts(HelperGroupFacts a, HelperGroupFacts b) =>
        a.MonitoredCount == b.MonitoredCount && a.LiftedCount == b.LiftedCount && a.HouseholdCount == b.HouseholdCount;

    private static void StageChangedGroups(NpgsqlConnection read, List<(string CountyCode, string HelperName)> changed)
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
    /// Saves the bookkeeping rows that changed (a household's first evaluation, new data, a new outcome or a new next-change
    /// date): straight into the table when the profile has none yet, otherwise as an upsert.
    /// </summary>
    private static void SaveStates(NpgsqlConnection write, string profile, string statesFile)
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

    private static void SaveHelperGroups(NpgsqlConnection write, string profile, Dictionary<(string CountyCode, string HelperName), HelperGroupFacts> groups)
    {
        using (var delete = new NpgsqlCommand("DELETE FROM helper_group_states WHERE profile = @profile", write))
        {
            delete.Parameters.AddWithValue("profile", profile);
            delete.ExecuteNonQuery();
        }

        using var copy = write.BeginBinaryImport("COPY helper_group_states (profile, county_code, helper_name, monitored, lifted, households) FROM STDIN (FORMAT BINARY)");
        foreach (var group in groups.Values)
        {
            copy.StartRow();
            copy.Write(profile, NpgsqlDbType.Text);
            copy.Write(group.CountyCode, NpgsqlDbType.Text);
            copy.Write(group.HelperName, NpgsqlDbType.Text);
            copy.Write(group.MonitoredCount, NpgsqlDbType.Integer);
            copy.Write(group.LiftedCount, NpgsqlDbType.Integer);
            copy.Write(group.HouseholdCount, NpgsqlDbType.Integer);
        }

        copy.Complete();
    }

    /// <summary>Findings of replaced outcomes whose rule no longer fires for the household are recorded as resolved by this run.</summary>
    private static void Resolve(NpgsqlConnection write, long runId, string replacedFile)
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
    private static (SortedDictionary<string, long> Rules, SortedDictionary<string, long> Candidates) Totals(NpgsqlConnection write, RunPlan plan, OutcomeRecorder recorder)
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

    private static void SaveTotals(NpgsqlConnection write, long runId, SortedDictionary<string, long> rules, SortedDictionary<string, long> candidates)
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

    private void Stage(string name, Stopwatch stopwatch)
    {
        OnStage?.Invoke(name, stopwatch.Elapsed);
        stopwatch.Restart();
    }

    private long StartRun(DateOnly asOf, string rulesVersion, string engineVersion, string mode)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("""
            INSERT INTO evaluation_runs (as_of, profile, rules_version, engine_version, mode, status, started_at, host, process_id,
                households_evaluated, outcomes_recorded, findings_count, candidates_count, new_findings, resolved_findings)
            VALUES (@asOf, @profile, @rules, @engine, @mode, 'running', now(), @host, @pid, 0, 0, 0, 0, 0, 0) RETURNING id
            """, connection);
        command.Parameters.AddWithValue("asOf", asOf);
        command.Parameters.AddWithValue("profile", _ruleSet.Profile.Id);
        command.Parameters.AddWithValue("rules", rulesVersion);
        command.Parameters.AddWithValue("engine", engineVersion);
        command.Parameters.AddWithValue("mode", mode);
        command.Parameters.AddWithValue("host", Environment.MachineName);
        command.Parameters.AddWithValue("pid", Environment.ProcessId);
        return (long)command.ExecuteScalar()!;
    }

    private void FailRun(long runId, string error)
    {
        try
        {
            using var connection = Open();
            using var command = new NpgsqlCommand("UPDATE evaluation_runs SET status = 'failed', finished_at = now(), error = @error WHERE id = @id AND status = 'running'", connection);
            command.Parameters.AddWithValue("error", error);
            command.Parameters.AddWithValue("id", runId);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The connection is gone: the next run marks this one failed.
        }
    }

    private NpgsqlConnection Open() => _dataSource.OpenConnection();

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
