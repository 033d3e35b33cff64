namespace Monitoring.Rules.Facts;

/// <summary>One helper's households within one county (<c>g</c> in helper-scoped rules).</summary>
public sealed class HelperGroupFacts
{
    public string CountyCode { get; init; } = "";

    public string HelperName { get; init; } = "";

    public int MonitoredCount { get; init; }

    public int LiftedCount { get; init; }

    /// <summary>Households paired with this helper in this county (any category).</summary>
    public int HouseholdCount { get; init; }
}
