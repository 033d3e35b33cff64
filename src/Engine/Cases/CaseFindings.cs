using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Facts;
using Monitoring.Engine.Findings;
using Monitoring.Engine.Records;
using Monitoring.Rules.Catalog;

namespace Monitoring.Engine.Cases;

/// <summary>
/// Evaluates single stored records with the same evaluator <c>evaluate</c> and the nightly run use, for the case views
/// (re-inclusion proposals in <c>due</c> and <c>case show</c>, reason categories on the notice list). One instance per
/// as-of date and thread.
/// </summary>
public sealed class CaseFindings
{
    private readonly HouseholdEvaluator _evaluator;

    public CaseFindings(RuleSet ruleSet, DateOnly asOf) => _evaluator = new HouseholdEvaluator(ruleSet, asOf, new RuleVersions());

    public IReadOnlyList<Finding> Evaluate(HouseholdRecord record) => Outcome(record).Findings;

    public HouseholdOutcome Outcome(HouseholdRecord record) => _evaluator.Evaluate(HouseholdFactsBuilder.Build(record, _evaluator.AsOf));

    /// <summary>PROC-REINCLUSION: a released household with a new risk.</summary>
    public bool ReinclusionFires(HouseholdRecord record) =>
        CaseStates.Of(record.Case) == CaseState.Released && Evaluate(record).Any(f => f.RuleId == "PROC-REINCLUSION");
}
