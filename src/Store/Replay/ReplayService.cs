using System.Text;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Explaining;
using Monitoring.Engine.Facts;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Reading;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Facts;
using Monitoring.Store.Exporting;
using Monitoring.Store.Nightly;
using Monitoring.Store.RuleSets;
using Monitoring.Store.Runs;
using Npgsql;

namespace Monitoring.Store.Replay;

/// <summary>
/// Replays one household of a stored run (ADR 0005): the version the run evaluated (the outcome or evaluation row of
/// that run or the latest before it), the rule set from its stored files, the helper group's counts logged for that
/// run, the risk series and nights for the stored mode of PROC-CANDIDATE-NO-CASE; evaluates it exactly as the run did
/// and compares the findings byte for byte with what the run stored.
/// </summary>
public sealed class ReplayService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly RuleSetArchive _archive;
    private readonly RunQueries _runs;
    private readonly FindingsExporter _exporter;
    private readonly Dictionary<string, RuleCatalog> _catalogs = new(StringComparer.Ordinal);
    private readonly Lock _catalogLock = new();

    public ReplayService(NpgsqlDataSource dataSource, RuleSetArchive archive, RunQueries runs, FindingsExporter exporter)
    {
        _dataSource = dataSource;
        _archive = archive;
        _runs = runs;
        _exporter = exporter;
    }

    public ReplayResult Replay(long runId, string householdId)
    {
        var run = _runs.Find(runId) ?? throw new ReplayRefusedException($"没有编号为 {runId} 的批次");
        if (run.Status != "completed")
        {
            throw new ReplayRefusedException($"批次 {runId} 的状态是 {run.Status}，只能重放已完成的批次");
        }

        var ruleSetHash = run.RuleSetHash ?? throw new ReplayRefusedException($"批次 {runId} 运行时尚未存档规则集，无法重放");
        if (_runs.SetAside(runId, householdId) is { Count: > 0 } setAside)
        {
            throw new ReplayRefusedException($"户 {householdId} 在批次 {runId} 中被搁置、未评估：{string.Join("；", setAside.Select(s => $"{s.Field}：{s.Reason}"))}");
        }

        using var connection = _dataSource.OpenConnection();
        // A past night's run saw only its own rows; a nightly run never sees a past night's.
        var (from, excluded) = run.PointInTime ? (runId, Array.Empty<long>()) : (0L, RunLedger.PointInTimeRuns(connection, run.Profile));
        var (evaluatedIn, hash, priorRiskSince) = EvaluatedVersion(connection, run.Profile, runId, householdId, from, excluded)
            ?? throw new ReplayRefusedException($"批次 {runId}（{run.Profile}）及之前的批次从未评估过户 {householdId}");
        if (run.PointInTime && evaluatedIn != runId)
        {
            throw new ReplayRefusedException($"户 {householdId} 在评估日 {run.AsOf:yyyy-MM-dd} 尚无记录（批次 {runId} 按当日的记录评估，该户不在其中）");
        }
        var recordBytes = RecordOf(connection, hash);

        var ruleSet = RuleSetOf(ruleSetHash, run.Profile);
        if (RuleVersions.ForRuleSet(ruleSet) != run.RulesVersion)
        {
            throw new InvalidDataException($"规则集存档 {ruleSetHash} 载入后的规则集版本 {RuleVersions.ForRuleSet(ruleSet)} 与批次 {runId} 记录的 {run.RulesVersion} 不一致");
        }

        var problems = new List<RecordProblem>();
        var record = HouseholdRecordParser.ParseValid(recordBytes, 1, new HouseholdRecordValidator(run.AsOf), problems)
            ?? throw new InvalidDataException($"户 {householdId} 的版本 {hash} 在 {run.AsOf:yyyy-MM-dd} 无法评估：{string.Join("；", problems.Select(p => $"{p.Field}：{p.Reason}"))}");
        var facts = HouseholdFactsBuilder.Build(record, run.AsOf);
        var countyCode = record.Region?.CountyCode ?? "";
        var villageCode = record.Region?.VillageCode;
        var helperName = record.Helper is { Name: { Length: > 0 } name } ? name.Trim() : null;
        var group = helperName is null ? null : HelperGroupOf(connection, run.Profile, runId, countyCode, helperName, from, excluded);

        // As the run evaluated it (EvaluationPipeline.EvaluateLine, then OutcomeRecorder.Record).
        var evaluator = new HouseholdEvaluator(ruleSet, run.AsOf, new RuleVersions());
        var outcome = evaluator.Evaluate(facts);
        if (group is not null)
        {
            outcome.Findings.AddRange(evaluator.EvaluateHelperGroupFor(group, record.Id!, villageCode));
        }

        var hasCase = record.Case is { } openCase && !(openCase.Inclusion?.Any(s => s.Step == "rejected") ?? false);
        var history = new RunHistory(RunLedger.CompletedRuns(connection, run.Profile, beforeRunId: runId), runId, run.AsOf);
        var grace = outcome.CandidateType is not null && !hasCase ? evaluator.IntParameter("candidateGraceDays", countyCode) : null;
        var stored = StoredCandidateRule.Apply(outcome, hasCase, countyCode, villageCode, priorRiskSince, runId, history, evaluator, grace);

        var replayed = outcome.Findings.OrderBy(f => f.RuleId, StringComparer.Ordinal).Select(f => Encoding.UTF8.GetString(FindingJson.Serialize(f))).ToList();
        var storedFindings = _exporter.Findings(runId, null, householdId).ToList();
        var explanations = new HouseholdExplainer(ruleSet, run.AsOf).Explain(facts, group);
        var rules = explanations.Select(e => WithStoredMode(e, stored, run.AsOf)).Select(e => new ReplayedRule(e.Rule.Id, e.Fired, [.. e.Trees.Select(t => t.Root)], e)).ToList();
        return new ReplayResult
        {
            Run = runId,
            AsOf = run.AsOf,
            Profile = run.Profile,
            RulesVersion = run.RulesVersion,
            RuleSetHash = ruleSetHash,
            HouseholdId = householdId,
            HouseholdHash = hash,
            Reproduced = replayed.SequenceEqual(storedFindings, StringComparer.Ordinal),
            Rules = rules,
            StoredFindings = storedFindings,
            ReplayedFindings = replayed,
            HelperGroup = group,
            StoredCandidate = stored,
            Record = record,
            Facts = facts,
            RuleSet = ruleSet,
        };
    }

    /// <summary>PROC-CANDIDATE-NO-CASE's explanation with its stored mode: the risk series, the nights counted and the grace.</summary>
    private static RuleExplanation WithStoredMode(RuleExplanation explanation, StoredCandidateCheck stored, DateOnly asOf)
    {
        if (explanation.Rule.Id != HouseholdEvaluator.CandidateWithoutCaseRule || explanation.Fired || stored.RiskSinceRunId is not { } since)
        {
            return explanation;
        }

        var condition = new ConditionExplanation
        {
            Name = "storedMode",
            LabelZh = "存储模式：自风险首次出现的批次起，连续夜间运行次数达到宽限次数（candidateGraceDays）且仍未立案",
            Expression = "nights >= candidateGraceDays",
            Held = stored.Nights is { } n && stored.GraceNights is { } g ? n >= g : null,
            NotEvaluatedReason = stored.GraceNights is null ? "candidateGraceDays 在评估日没有生效的取值" : null,
            Values =
            [
                new("riskSinceRun", since),
                new("nights", stored.Nights),
                new("candidateGraceDays", stored.GraceNights),
                new("asOf", asOf),
            ],
            Children = [],
        };
        return new RuleExplanation
        {
            Rule = explanation.Rule,
            Fired = stored.Finding is not null,
            Finding = stored.Finding,
            NotEvaluatedReason = explanation.NotEvaluatedReason,
            Trees = [.. explanation.Trees, (null, condition)],
            Parameters = stored.Finding?.Parameters ?? explanation.Parameters,
        };
    }

    private RuleSet RuleSetOf(string hash, string profile)
    {
        lock (_catalogLock)
        {
            if (!_catalogs.TryGetValue(hash, out var catalog))
            {
                catalog = _archive.LoadCatalog(hash);
                _catalogs[hash] = catalog;
            }

            return catalog.ForProfile(profile);
        }
    }

    /// <summary>
    /// The version of the household the run saw and its risk series: the newest outcome or evaluation row of the profile
    /// up to the run (a run logs one whenever the version evaluated or the risk series changes).
    /// </summary>
    private static (long RunId, string Hash, long? RiskSince)? EvaluatedVersion(NpgsqlConnection connection, string profile, long runId, string householdId, long from, long[] excluded)
    {
        using var command = new NpgsqlCommand("""
            SELECT run_id, household_hash, risk_since_run_id FROM (
                (SELECT run_id, household_hash, risk_since_run_id FROM household_outcomes
                 WHERE profile = @profile AND household_id = @household AND run_id <= @run AND run_id >= @from AND NOT (run_id = ANY (@excluded))
                 ORDER BY run_id DESC LIMIT 1)
                UNION ALL
                (SELECT run_id, household_hash, risk_since_run_id FROM household_evaluations
                 WHERE profile = @profile AND household_id = @household AND run_id <= @run AND run_id >= @from AND NOT (run_id = ANY (@excluded))
                 ORDER BY run_id DESC LIMIT 1)) latest
            ORDER BY run_id DESC LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("profile", profile);
        command.Parameters.AddWithValue("household", householdId);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("excluded", excluded);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)) : null;
    }

    private static byte[] RecordOf(NpgsqlConnection connection, string hash)
    {
        using var command = new NpgsqlCommand("SELECT record::text FROM household_versions WHERE hash = @hash", connection);
        command.Parameters.AddWithValue("hash", hash);
        return command.ExecuteScalar() is string text ? Encoding.UTF8.GetBytes(text) : throw new InvalidDataException($"数据库中没有农户版本 {hash}");
    }

    private static HelperGroupFacts? HelperGroupOf(NpgsqlConnection connection, string profile, long runId, string countyCode, string helperName, long from, long[] excluded)
    {
        using var command = new NpgsqlCommand("""
            SELECT monitored, lifted, households FROM run_helper_groups
            WHERE profile = @profile AND county_code = @county AND helper_name = @helper AND run_id <= @run AND run_id >= @from AND NOT (run_id = ANY (@excluded))
            ORDER BY run_id DESC LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("profile", profile);
        command.Parameters.AddWithValue("county", countyCode);
        command.Parameters.AddWithValue("helper", helperName);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("excluded", excluded);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new HelperGroupFacts { CountyCode = countyCode, HelperName = helperName, MonitoredCount = reader.GetInt32(0), LiftedCount = reader.GetInt32(1), HouseholdCount = reader.GetInt32(2) }
            : null;
    }
}
