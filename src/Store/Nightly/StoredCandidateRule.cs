using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Findings;

namespace Monitoring.Store.Nightly;

/// <summary>
/// PROC-CANDIDATE-NO-CASE in its stored mode, as a run applies it to one evaluated household (and a replay repeats it):
/// a candidate without a case carries the run its risk series started in; once the series spans
/// <c>candidateGraceDays</c> nightly runs (<see cref="RunHistory.NightsSince"/>) the finding is added.
/// </summary>
internal static class StoredCandidateRule
{
    /// <param name="outcome">The household's evaluated outcome; the stored-mode finding is added to its findings.</param>
    /// <param name="priorRiskSince">The run the household's risk series started in, as the previous run left it.</param>
    /// <param name="grace">The county's <c>candidateGraceDays</c> in force (null: none).</param>
    public static StoredCandidateCheck Apply(HouseholdOutcome outcome, bool hasCase, string countyCode, string? villageCode, long? priorRiskSince, long runId,
        RunHistory history, HouseholdEvaluator evaluator, int? grace)
    {
        if (outcome.CandidateType is null || hasCase)
        {
            return new StoredCandidateCheck(null, null, null, null);
        }

        var riskSince = priorRiskSince ?? runId;
        if (outcome.Findings.Exists(f => f.RuleId == HouseholdEvaluator.CandidateWithoutCaseRule) || grace is not { } days)
        {
            return new StoredCandidateCheck(riskSince, null, null, grace);
        }

        var nights = history.NightsSince(riskSince);
        if (nights < days)
        {
            return new StoredCandidateCheck(riskSince, null, nights, days);
        }

        var risks = outcome.Findings.Where(f => f.Severity == "risk").Select(f => f.RuleId).ToList();
        var stored = evaluator.CandidateWithoutCase(outcome.HouseholdId, villageCode, countyCode, history.AsOfOf(riskSince), risks);
        if (stored is not null)
        {
            outcome.Findings.Add(stored);
        }

        return new StoredCandidateCheck(riskSince, stored, nights, days);
    }
}
