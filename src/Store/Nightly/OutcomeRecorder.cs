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
        _outcomes = new StreamWriter(OutcomesFile, false, new UTF8Encoding(false), 1 << 16);
        _states = new StreamWriter(StatesFile, false, new UTF8Encoding(false), 1 << 16);
        _replaced = new StreamWriter(ReplacedFile, false, new UTF8Encoding(false), 1 << 16);
    }

    public string OutcomesFile { get; }

    public string StatesFile { get; }

    /// <summary>(household id, run of the outcome it replaces, rules of the new outcome) for every household whose earlier outcome was replaced.</summary>
    public string ReplacedFile { get; }

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
        long? riskSince = null;
        if (outcome.CandidateType is not null && !household.HasCase)
        {
            riskSince = prior.RiskSinceRunId ?? _runId;
            if (!findings.Exists(f => f.RuleId == HouseholdEvaluator.CandidateWithoutCaseRule) && Grace(household.CountyCode) is { } grace)
            {
                var nights = _history.NightsSince(riskSince.Value);
                if (nights >= grace)
                {
                    var risks = findings.Where(f => f.Severity == "risk").Select(f => f.RuleId).ToList();
                    if (_evaluator.CandidateWithoutCase(outcome.HouseholdId, household.VillageCode, household.CountyCode, _history.AsOfOf(riskSince.Value), risks) is { } stored)
                    {
                        findings.Add(stored);
                        json.Add(FindingJson.Serialize(stored));
                    }
                }
                else
                {
                    var due = _asOf.AddDays(grace - nights);
                    nextChange = due < nextChange ? due : nextChange;
                }
            }
        }

        var gapSeries = GapNotCleared(household, prior, findings, json, ref nextChange);
        var outcomeHash = OutcomeHash(outcome.CandidateType, json);
        var ruleIds = string.Join(",", findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        foreach (var finding in findings)
        {
            RuleTotals[finding.RuleId] = RuleTotals.GetValueOrDefault(finding.RuleId) + 1;
        }

        Count(CandidateTotals, outcome.CandidateType, +1);
        var changed = prior.OutcomeHash != outcomeHash;
        if (changed)
        {
            OutcomesRecorded++;
            WriteFindings(findings, json, prior.HouseholdHash);
            _row.Clear().Field(_runId).Field(outcome.HouseholdId).Field(_profile).Field(prior.HouseholdHash).Field(outcomeHash)
                .Field(outcome.CandidateType).Field(household.VillageCode).Field(findings.Count).EndRow();
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

        if (changed || prior.EvaluatedHash != prior.HouseholdHash || prior.NextChangeOn != nextChange || prior.RiskSinceRunId != riskSince
            || prior.GapSeries != gapSeries)
        {
            StatesWritten++;
            _row.Clear().Field(outcome.HouseholdId).Field(_profile).Field(prior.HouseholdHash).Field(_runId).Field(nextChange).Field(outcomeHash)
                .Field(changed ? _runId : prior.OutcomeRunId).Field(outcome.CandidateType).Field(ruleIds).Field(riskSince).Field(gapSeries).EndRow();
            _states.Write(_row);
        }
    }

    /// <summary>
    /// PROC-GAP-NOT-CLEARED, stored mode: continues each gap finding's series of nights (kept in the evaluation state like the
    /// candidate's risk series), adds the finding when a series outlived its clearing deadline, and otherwise looks again the
    /// day after the nearest deadline. Returns the series to keep.
    /// </summary>
    private string? GapNotCleared(EvaluatedHousehold household, PriorOutcome prior, List<Finding> findings, List<byte[]> json, ref DateOnly nextChange)
    {
        if (_evaluator.GapRule is not { } rule || (prior.GapSeries is null && !findings.Exists(f => rule.ReadsStored(f.RuleId))))
        {
            return null;
        }

        var series = GapSeries.Continue(rule, findings, prior.GapSeries, _runId);
        var clearBy = _evaluator.TextParameter("gapClearBy", household.CountyCode);
        if (clearBy is null || series.Count == 0)
        {
            return GapSeries.Format(series);
        }

        var overdue = new List<(string RuleId, string Member, long FirstRunId, DateOnly FirstNight, DateOnly Deadline)>();
        foreach (var (key, since) in series)
        {
            var firstNight = _history.AsOfOf(since);
            var deadline = GapSeries.Deadline(firstNight, clearBy);
            if (_asOf > deadline)
            {
                var bar = key.IndexOf('|', StringComparison.Ordinal);
                overdue.Add((key[..bar], key[(bar + 1)..], since, firstNight, deadline));
            }
            else if (deadline.AddDays(1) < nextChange)
            {
                nextChange = deadline.AddDays(1);
            }
        }

        if (overdue.Count > 0 && _evaluator.GapNotCleared(household.Outcome.HouseholdId, household.VillageCode, household.CountyCode, overdue) is { } stored)
        {
            findings.Add(stored);
            json.Add(FindingJson.Serialize(stored));
        }

        return GapSeries.Format(series);
    }

    /// <summary>Closes the buffered files so they can be copied into the database.</summary>
    public void Complete()
    {
        _outcomes.Flush();
        _states.Flush();
        _replaced.Flush();
        _outcomes.Dispose();
        _states.Dispose();
        _replaced.Dispose();
    }

    public void Dispose()
    {
        _outcomes.Dispose();
        _states.Dispose();
        _replaced.Dispose();
    }

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
