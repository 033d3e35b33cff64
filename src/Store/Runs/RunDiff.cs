namespace Monitoring.Store.Runs;

/// <summary>How one household's findings differ between two runs: rules new in the later run, resolved, and changed (same rule, other content).</summary>
public sealed record RunDiff(string HouseholdId, IReadOnlyList<string> New, IReadOnlyList<string> Resolved, IReadOnlyList<string> Changed);
