namespace Monitoring.Engine.Findings;

/// <summary>A rule that could not be evaluated for one household, and why.</summary>
public sealed record RuleEvaluationProblem(string HouseholdId, string RuleId, string Reason, bool IsError);
