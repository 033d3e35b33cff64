using System.Collections.Concurrent;
using System.Diagnostics;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Output;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Facts;
using Monitoring.Store.RuleSets;
using Monitoring.Store.Sql;
using Npgsql;

namespace Monitoring.Store.Nightly;

/// <summary>
/// One nightly run over the store, full or incremental (<see cref="RunPlanner"/>). The households are read from one
/// REPEATABLE READ snapshot and evaluated by the same pipeline as <c>evaluate</c>; an incremental run reads only the
/// households whose data changed, whose helper group's counts changed, or whose "next date the outcome can change"
/// has come (<see cref="OutcomeHorizon"/>). Each evaluated outcome is compared with the one in force and recorded only
/// when it differs; everything the run writes is committed in one transaction with its completion, so a run killed
/// midway leaves nothing but its "running" row, which the next run marks failed. A household whose stored record cannot
/// be evaluated on the as-of is set aside (<see cref="SetAsideHousehold"/>), never the whole night.
/// Responsibilities: the ledger (<see cref="RunLedger"/>), choosing the households (<see cref="HouseholdSelection"/>),
/// recording outcomes (<see cref="OutcomeRecorder"/>, <see cref="OutcomeWriter"/>), the rule set's files
/// (<see cref="RuleSetArchive"/>). Created for a rule set by <see cref="NightlyRuns"/>.
/// </summary>
public sealed class NightlyRunner
{
    private const long AnalyzeAfterOutcomes = 100_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly RuleSet _ruleSet;
    private readonly RunLedger _ledger;
    private readonly RuleSetArchive _archive;

    /// <param name="dataSource">The store (<see cref="StoreDataSource"/>: no client-side command timeout, since a run's
    /// statements and COPY operations take as long as the store is large).</param>
    /// <param name="ruleSet">The profile's rules.</param>
    /// <param name="clock">The one clock (default: the system's).</param>
    public NightlyRunner(NpgsqlDataSource dataSource, RuleSet ruleSet, TimeProvider? clock = null)
        : this(dataSource, ruleSet, new RunLedger(dataSource, clock ?? TimeProvider.System), new RuleSetArchive(dataSource, clock ?? TimeProvider.System))
    {
    }

    internal NightlyRunner(NpgsqlDataSource dataSource, RuleSet ruleSet, RunLedger ledger, RuleSetArchive archive)
    {
        _dataSource = dataSource;
        _ruleSet = ruleSet;
        _ledger = ledger;
        _archive = archive;
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
        _ledger.MarkAbandonedRunsFailed();
        var rulesVersion = RuleVersions.ForRuleSet(_ruleSet);
        var engineVersion = RuleVersions.ForEngine();
        var ruleSetFiles = _ruleSet.SourceDirectory is null ? null : _archive.Prepare(_ruleSet);
        var plan = RunPlanner.Decide(_ledger.PreviousRun(_ruleSet.Profile.Id), asOf, rulesVersion, engineVersion, _ruleSet, full);
        OnPlan?.Invoke(plan);
        var runId = _ledger.Start(asOf, _ruleSet.Profile.Id, rulesVersion, engineVersion, plan.Mode);
        try
        {
            return Execute(runId, asOf, plan, ruleSetFiles, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = new NightlyRunFailedException(runId, ex);
            _ledger.Fail(runId, failure.Message);
            throw failure;
        }
        catch (OperationCanceledException)
        {
            _ledger.Fail(runId, "运行被取消");
            throw;
        }
    }

    /// <summary>Runs left "running" by a process on this host that no longer exists are marked failed.</summary>
    public int MarkAbandonedRunsFailed() => _ledger.MarkAbandonedRunsFailed();

    private RunResult Execute(long runId, DateOnly asOf, RunPlan plan, RuleSetFiles? ruleSetFiles, CancellationToken cancellationToken)
    {
        var profile = _ruleSet.Profile.Id;
        var stopwatch = Stopwatch.StartNew();
        using var write = _dataSource.OpenConnection();
        using var transaction = write.BeginTransaction();
        RunLedger.TakeRunLock(write, profile);
        var history = new RunHistory(RunLedger.CompletedRuns(write, profile), runId, asOf);
        var previousGroups = HouseholdSelection.PreviousHelperGroups(write, profile);

        using var read = _dataSource.OpenConnection();
        using var snapshot = read.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        // Every statement on `read` sees the same snapshot of the households.
        var pointInTime = HouseholdSelection.HasChangeDescribedAfter(read, asOf);
        if (pointInTime)
        {
            plan = new RunPlan(RunPlan.Full, $"有记录描述的日期晚于评估日 {asOf:yyyy-MM-dd}：按各户在该日的记录全量评估（时点评估，不改变增量评估的记账）", plan.PreviousRunId)
            {
                PointInTime = true,
            };
            OnPlan?.Invoke(plan);
            previousGroups = [];
        }

        var inStore = pointInTime ? HouseholdSelection.StagePointInTime(read, asOf) : StoreSql.Scalar(read, "SELECT count(*) FROM households");
        var groups = pointInTime ? HouseholdSelection.PointInTimeHelperGroups(read) : HouseholdSelection.CurrentHelperGroups(read);
        var changedGroups = groups.Where(g => !previousGroups.TryGetValue(g.Key, out var before) || !HouseholdSelection.SameCounts(before, g.Value)).Select(g => g.Key).ToList();
        if (!plan.IsFull && changedGroups.Count > 0)
        {
            HouseholdSelection.StageChangedGroups(read, changedGroups);
        }

        // Counting the due households costs a pass over the store: only for a progress display.
        var department = Department.DepartmentRunInputs.Load(read, asOf, everyHousehold: plan.IsFull);
        var due = plan.IsFull ? inStore : HouseholdSelection.StageDueHouseholds(read, profile, asOf, changedGroups.Count > 0);
        if (!plan.IsFull)
        {
            // A county's new department snapshot, and persons shared between households, bring their households in too.
            due += department.StageDue(read, plan.PreviousRunId, profile);
        }
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
                    OnProblem = recorder.SetAside,
                };

                using (var export = read.BeginBinaryExport(HouseholdSelection.HouseholdsQuery(profile, plan.IsFull, plan.PointInTime)))
                {
                    summary = pipeline.RunUnsorted(HouseholdSelection.Records(export, prior), cancellationToken);
                }

                findings.Complete();
                recorder.Complete();
            }

            OnProgress?.Invoke(evaluated, due);
            Stage("读取、评估与保存发现", stopwatch);

            OutcomeWriter.SaveOutcomes(write, recorder.OutcomesFile);
            OutcomeWriter.SaveEvaluations(write, recorder.EvaluationsFile);
            OutcomeWriter.SaveSetAside(write, runId, recorder.SetAsideHouseholds);
            Stage("保存户结果", stopwatch);
            if (plan.PointInTime)
            {
                // A past night leaves the bookkeeping of the nights in force alone; its helper groups are logged for replay.
                OutcomeWriter.LogHelperGroups(write, runId, profile, groups, previousGroups);
            }
            else
            {
                OutcomeWriter.SaveStates(write, profile, recorder.StatesFile);
                CurrentOutcomes.Save(write, runId, asOf);
                Stage($"保存复核日期（{recorder.StatesWritten:N0} 户）", stopwatch);
                OutcomeWriter.SaveHelperGroups(write, runId, profile, groups, previousGroups);
            }

            OutcomeWriter.Resolve(write, runId, recorder.ReplacedFile);
            Stage("记录已消除的发现", stopwatch);
            var areaCounts = department.RecordAreaFindings(write, runId, new HouseholdEvaluator(_ruleSet, asOf, new RuleVersions()), profile, asOf);
            var (rules, candidates) = OutcomeWriter.Totals(write, plan, recorder);
            Department.DepartmentRunInputs.ReplaceAreaTotals(write, plan.IsFull ? null : plan.PreviousRunId, rules, areaCounts);
            OutcomeWriter.SaveTotals(write, runId, rules, candidates);
            if (recorder.OutcomesRecorded > AnalyzeAfterOutcomes)
            {
                // Fresh statistics for the rows just added, or the planner treats them as absent in the next run's joins.
                StoreSql.Execute(write, "ANALYZE findings, household_outcomes");
            }

            department.RecordRun(write, runId);
            Stage("统计与分析", stopwatch);
            var findingsTotal = rules.Values.Sum();
            var candidatesTotal = candidates.Values.Sum();
            var setAsideHouseholds = recorder.SetAsideHouseholds.Select(h => h.HouseholdId).Distinct().Count();
            if (ruleSetFiles is not null)
            {
                _archive.Save(write, ruleSetFiles, summary.RuleSetVersion);
            }

            _ledger.Complete(write, runId, new RunCompletion(recorder.Evaluated, recorder.OutcomesRecorded, findingsTotal, candidatesTotal,
                recorder.NewFindings, recorder.ResolvedFindings, setAsideHouseholds, ruleSetFiles?.Hash, plan.Mode, plan.PointInTime));
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
                SetAside = [.. recorder.SetAsideHouseholds],
                HouseholdsSetAside = setAsideHouseholds,
                RuleSetHash = ruleSetFiles?.Hash,
            };
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private void Stage(string name, Stopwatch stopwatch)
    {
        OnStage?.Invoke(name, stopwatch.Elapsed);
        stopwatch.Restart();
    }

}
