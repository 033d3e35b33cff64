using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Findings;

namespace Monitoring.Store.Nightly;

/// <summary>
/// PROC-GAP-NOT-CLEARED in its stored mode, as a run applies it to one evaluated household (and a replay repeats it): each
/// gap finding (rule and member) carries the run its unbroken series of nights began (<see cref="GapSeries"/>); once a series
/// outlives its deadline (<c>gapClearBy</c>) the finding is added to the outcome.
/// </summary>
internal static class StoredGapRule
{
    /// <param name="priorSeries">The series as the previous run left them (<c>gap_series</c>).</param>
    /// <returns>The series to keep, and the day after the nearest deadline still to come (null: none).</returns>
    public static (string? Series, Finding? Finding, DateOnly? LookAgainOn) Apply(HouseholdOutcome outcome, string countyCode, string? villageCode, string? priorSeries,
        long runId, DateOnly asOf, RunHistory history, HouseholdEvaluator evaluator)
    {
        var findings = outcome.Findings;
        if (evaluator.GapRule is not { } rule || (priorSeries is null && !findings.Exists(f => rule.ReadsStored(f.RuleId))))
        {
            return (null, null, null);
        }

        var series = GapSeries.Continue(rule, findings, priorSeries, runId);
        var clearBy = evaluator.TextParameter("gapClearBy", countyCode);
        if (clearBy is null || series.Count == 0)
        {
            return (GapSeries.Format(series), null, null);
        }

        DateOnly? lookAgain = null;
        var overdue = new List<(string RuleId, string Member, long FirstRunId, DateOnly FirstNight, DateOnly Deadline)>();
        foreach (var (key, since) in series)
        {
            var firstNight = history.AsOfOf(since);
            var deadline = GapSeries.Deadline(firstNight, clearBy);
            if (asOf > deadline)
            {
                var bar = key.IndexOf('|', StringComparison.Ordinal);
                overdue.Add((key[..bar], key[(bar + 1)..], since, firstNight, deadline));
            }
            else if (lookAgain is null || deadline.AddDays(1) < lookAgain)
            {
                lookAgain = deadline.AddDays(1);
            }
        }

        var stored = overdue.Count > 0 ? evaluator.GapNotCleared(outcome.HouseholdId, villageCode, countyCode, overdue) : null;
        if (stored is not null)
        {
            findings.Add(stored);
        }

        return (GapSeries.Format(series), stored, lookAgain);
    }
}
