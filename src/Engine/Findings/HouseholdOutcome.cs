namespace Monitoring.Engine.Findings;

/// <summary>What evaluating one household produced: its findings and, when it is a monitoring candidate, the proposed type.</summary>
public sealed class HouseholdOutcome
{
    public required string HouseholdId { get; init; }

    public required List<Finding> Findings { get; init; }

    /// <summary>unstable | marginal | hardship, or null when the household is not a candidate.</summary>
    public string? CandidateType { get; init; }

    /// <summary>Rules that could not be evaluated for this household (a parameter with no value in force, an expression error).</summary>
    public required List<RuleEvaluationProblem> Problems { get; init; }
}
