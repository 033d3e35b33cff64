namespace Monitoring.Store.Runs;

/// <summary>
/// How one household's findings differ between two runs: rules new in the later run, resolved, and changed (same rule, other
/// content). Area findings (no household, e.g. DEPT-FEED-LATE) are compared per county and list: <see cref="Area"/> names
/// them and <see cref="HouseholdId"/> is empty.
/// </summary>
public sealed record RunDiff(string HouseholdId, IReadOnlyList<string> New, IReadOnlyList<string> Resolved, IReadOnlyList<string> Changed)
{
    /// <summary>For area findings: 「县 C 名单 L」; null for a household.</summary>
    public string? Area { get; init; }
}
