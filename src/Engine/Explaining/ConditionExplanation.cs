namespace Monitoring.Engine.Explaining;

/// <summary>One condition of a rule as evaluated for one household (and member): held, did not hold, or could not be evaluated.</summary>
public sealed class ConditionExplanation
{
    public required string Name { get; init; }

    public string? LabelZh { get; init; }

    /// <summary>And | Or for a group of conditions; null for an atomic condition.</summary>
    public string? Operator { get; init; }

    public string? Expression { get; init; }

    /// <summary>True or false; null when the condition could not be evaluated (data it needs is missing).</summary>
    public bool? Held { get; init; }

    public string? NotEvaluatedReason { get; init; }

    public required IReadOnlyList<KeyValuePair<string, object?>> Values { get; init; }

    public required IReadOnlyList<ConditionExplanation> Children { get; init; }
}
