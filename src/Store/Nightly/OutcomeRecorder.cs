using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Findings;
using Monitoring.Engine.Formats;
using Npgsql;
using NpgsqlTypes;
using Monitoring.Store.Importing;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Nightly;

/// <summary>
/// Compares each evaluated household's outcome with the one in force and records only what changed: its findings
/// (streamed into <c>findings</c> with binary COPY), its outcome row, and which earlier findings it replaces.
/// Bookkeeping rows (next date to look again) that changed are buffered for the end of the run.
/// Runs on the pipeline's single consumer thread, in input order.
/// </summary>
internal sealed class OutcomeRecorder : IDisposable
{
    private static readonly byte[] AsOfPrefix = Encoding.UTF8.GetBytes(FindingJson.AsOfPrefix);

    private readonly long _runId;
    private readonly DateOnly _asOf;
    private readonly string _profile;
    private readonly NpgsqlBinaryImporter _findings;
    private readonly HouseholdEvaluator _evaluator;
    private readonly RunHistory _history;
    private readonly ConcurrentQueue<PriorOutcome> _prior;
    private readonly Dictionary<string, int?> _graceByCounty = new(StringComparer.Ordinal);
    private readonly StringBuilder _row = new();
    private readonly StreamWriter _outcomes;
    private readonly StreamWriter _states;
    private readonly StreamWriter _replaced;
    private readonly StreamWriter _evaluations;
    private readonly List<SetAsideHousehold> _setAside = [];
    private long _setAsideLine;

    public OutcomeRecorder(long runId, DateOnly asOf, string profile, NpgsqlBinaryImporter findings, HouseholdEvaluator evaluator, RunHistory history,
        ConcurrentQueue<PriorOutcome> prior, string workDirectory)
    {
        _runId = runId;
        _asOf = asOf;
        _profile = profile;
        _findings = findings;
        _evaluator = evaluator;
        _history = history;
        _prior = prior;
        OutcomesFile = Path.Combine(workDirectory, "outcomes.copy");
        StatesFile = Path.Combine(workDirectory, "states.copy");
        ReplacedFile = Path.Combine(workDirectory, "replaced.copy");
        EvaluationsFile = Path.Combine(workDirectory, "evaluations.copy");
        _outcomes = new StreamWriter(OutcomesFile, false, new UTF8Encoding(false), 1 << 16);
        _states = new StreamWriter(StatesFile, false, new UTF8Encoding(false), 1 << 16);
        _replaced = new StreamWriter(ReplacedFile, false, new UTF8Encoding(false), 1 << 16);
        _evaluations = new StreamWriter(EvaluationsFile, false, new UTF8Encoding(false), 1 << 16);
    }

    public string OutcomesFile { get; }

    public string StatesFile { get; }

    /// <summary>(household id, run of the outcome it replaces, rules of the new outcome) for every household whose earlier outcome was replaced.</summary>
    public string ReplacedFile { get; }

    /// <summary>(run, household, profile, version, risk series) where the version evaluated or the risk series changed but the outcome did not.</summary>
    public string EvaluationsFile { get; }

    /// <summary>Households whose stored record could not be evaluated on the as-of.</summary>
    public IReadOnlyList<SetAsideHousehold> SetAsideHouseholds => _setAside;

    public long Evaluated { get; private set; }

    public long OutcomesRecorded { get; private set; }

    public long FindingsRecorded { get; private set; }

    /// <summary>Bookkeeping rows that changed and are saved at the end of the run.</summary>
    public long StatesWritten { get; private set; }

    public long NewFindings { get; private set; }

    public long ResolvedFindings { get; private set; }

    /// <summary>Changes to the totals per rule (incremental runs add them to the previous run's totals).</summary>
    public Dictionary<string, long> RuleDelta { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> CandidateDelta { get; } = new(StringComparer.Ordinal);

    /// <summary>Totals over the evaluated households only (a full run's totals).</summary>
    public Dictionary<string, long> RuleTotals { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> CandidateTotals { get; } = new(StringComparer.Ordinal);

    public void Record(EvaluatedHousehold household)
    {
        var outcome = household.Outcome;
        if (!_prior.TryDequeue(out var prior) || prior.HouseholdId != outcome.HouseholdId)
        {
            throw new InvalidOperationException($"批次内部顺序错误：期望 {prior?.HouseholdId}，得到 {outcome.HouseholdId}");
        }

        Evaluated++;
        var findings = outcome.Findings;
        var json = household.FindingJson;
        var nextChange = household.NextChangeOn ?? _asOf.AddDays(1);

        // PROC-CANDIDATE-NO-CASE, stored mode: a risk on every nightly run for candidateGraceDays runs, and still no case.
        var check = StoredCandidateRule.Apply(outcome, household.HasCase, household.CountyCode, household.VillageCode, prior.RiskSinceRunId, _runId, _history, _evaluator,
            outcome.CandidateType is not null && !household.HasCase ? Grace(household.CountyCode) : null);
        var riskSince = check.RiskSinceRunId;
        if (check.Finding is { } stored)
        {
            json.Add(FindingJson.Serialize(stored));
        }
        else if (check.Nights is { } nights && check.GraceNights is { } grace)
        {
            var due = _asOf.AddDays(grace - nights);
            nextChange = due < nextChange ? due : nextChange;
        }

        var outcomeHash = OutcomeHash(outcome.CandidateType, json);
        var ruleIds = string.Join(",", findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        foreach (var finding in findings)
        {
            RuleTotals[finding.RuleId] = RuleTotals.GetValueOrDefault(finding.RuleId) + 1;
        }

        if (outcome.CandidateType is { } candidateType)
        {
            CandidateTotals[candidateType] = CandidateTotals.GetValueOrDefault(candidateType) + 1;
        }
        var changed = prior.OutcomeHash != outcomeHash;
        if (changed)
        {
            OutcomesRecorded++;
            WriteFindings(findings, json, prior.HouseholdHash);
            _row.Clear().Field(_runId).Field(outcome.HouseholdId).Field(_profile).Field(prior.HouseholdHash).Field(outcomeHash)
                .Field(outcome.CandidateType).Field(household.VillageCode).Field(findings.Count).Field(riskSince).EndRow();
            _outcomes.Write(_row);
            if (prior.OutcomeRunId is { } replacedRun)
            {
                _row.Clear().Field(outcome.HouseholdId).Field(replacedRun).Field(ruleIds).EndRow();
                _replaced.Write(_row);
            }

            var before = Split(prior.RuleIds);
            var after = Split(ruleIds);
            NewFindings += after.Count(r => !before.Contains(r));
            ResolvedFindings += before.Count(r => !after.Contains(r));
            Count(RuleDelta, prior.RuleIds, -1);
            Count(RuleDelta, ruleIds, +1);
            Count(CandidateDelta, prior.OutcomeHash is null ? null : prior.CandidateType, -1);
            Count(CandidateDelta, outcome.CandidateType, +1);
        }

        if (!changed && (prior.EvaluatedHash != prior.HouseholdHash || prior.RiskSinceRunId != riskSince))
        {
            // What a replay of this run must know that the outcome rows do not say: the version evaluated, the risk series.
            _row.Clear().Field(_runId).Field(outcome.HouseholdId).Field(_profile).Field(prior.HouseholdHash).Field(riskSince).EndRow();
            _evaluations.Write(_row);
        }

        if (changed || prior.EvaluatedHash != prior.HouseholdHash || prior.NextChangeOn != nextChange || prior.RiskSinceRunId != riskSince)
        {
            StatesWritten++;
            _row.Clear().Field(outcome.HouseholdId).Field(_profile).Field(prior.HouseholdHash).Field(_runId).Field(nextChange).Field(outcomeHash)
                .Field(changed ? _runId : prior.OutcomeRunId).Field(outcome.CandidateType).Field(ruleIds).Field(riskSince).EndRow();
            _states.Write(_row);
        }
    }

    /// <summary>Closes the buffered files so they can be copied into the database.</summary>
    public void Complete()
    {
        _outcomes.Flush();
        _states.Flush();
        _replaced.Flush();
        _evaluations.Flush();
        Dispose();
    }

    public void Dispose()
    {
        _outcomes.Dispose();
        _states.Dispose();
        _replaced.Dispose();
        _evaluations.Dispose();
    }

    /// <summary>
    /// A problem with the record at position <paramref name="problem"/>.Line of the run's stream: that household is set
    /// aside (named, counted, stored with the run). Its earlier outcome and bookkeeping stay as they were, so it stays due
    /// and is evaluated again by the next run; a full run counts its outcome in force in the totals.
    /// </summary>
    public void SetAside(Monitoring.Engine.Validation.RecordProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Line != _setAsideLine)
        {
            if (!_prior.TryDequeue(out var prior))
            {
                throw new InvalidOperationException($"批次内部顺序错误：第 {problem.Line} 条记录没有对应的农户");
            }

            _setAsideLine = problem.Line;
            _setAsideHousehold = prior;
            Count(RuleTotals, prior.OutcomeHash is null ? null : prior.RuleIds, +1);
            Count(CandidateTotals, prior.OutcomeHash is null ? null : prior.CandidateType, +1);
        }

        _setAside.Add(new SetAsideHousehold(_setAsideHousehold!.HouseholdId, _setAsideHousehold.HouseholdHash, problem.Field, problem.Reason));
    }

    private PriorOutcome? _setAsideHousehold;

    /// <summary>SHA-256 over the candidate type and every finding's JSON without its as-of date (the one field that moves every night).</summary>
    internal static string OutcomeHash(string? candidateType, List<byte[]> findings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes((candidateType ?? "-") + "\n"));
        foreach (var json in findings)
        {
            var at = json.AsSpan().IndexOf(AsOfPrefix);
            if (at < 0)
            {
                hash.AppendData(json);
            }
            else
            {
                hash.AppendData(json.AsSpan(0, at));
                hash.AppendData(json.AsSpan(at + FindingJson.AsOfLength));
            }

            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void WriteFindings(List<Finding> findings, List<byte[]> json, string householdHash)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            _findings.StartRow();
            _findings.Write(_runId, NpgsqlDbType.Bigint);
            _findings.Write(f.HouseholdId, NpgsqlDbType.Text);
            _findings.Write(f.RuleId, NpgsqlDbType.Text);
            BinaryCopy.WriteText(_findings, f.MemberId);
            _findings.Write(f.Severity, NpgsqlDbType.Text);
            _findings.Write(f.AsOf, NpgsqlDbType.Date);
            _findings.Write(f.RuleVersion, NpgsqlDbType.Text);
            _findings.Write(f.Profile, NpgsqlDbType.Text);
            BinaryCopy.WriteText(_findings, f.VillageCode);
            _findings.Write(householdHash, NpgsqlDbType.Text);
            _findings.Write(Encoding.UTF8.GetString(json[i]), NpgsqlDbType.Json);
            FindingsRecorded++;
        }
    }

    private int? Grace(string countyCode)
    {
        if (!_graceByCounty.TryGetValue(countyCode, out var grace))
        {
            grace = _evaluator.IntParameter("candidateGraceDays", countyCode);
            _graceByCounty[countyCode] = grace;
        }

        return grace;
    }

    private static HashSet<string> Split(string? ruleIds) =>
        string.IsNullOrEmpty(ruleIds) ? [] : [.. ruleIds.Split(',')];

    private static void Count(Dictionary<string, long> counts, string? keys, long by)
    {
        if (string.IsNullOrEmpty(keys))
        {
            return;
        }

        foreach (var key in keys.Split(','))
        {
            counts[key] = counts.TryGetValue(key, out var current) ? current + by : by;
        }
    }
}
