namespace Monitoring.Tests.RuleCases;

/// <summary>One rule test case from <c>rules/tests/*.yaml</c>: households, an as-of date, and the rules that must and must not fire.</summary>
public sealed class RuleCase
{
    public required string File { get; init; }

    public required string Name { get; init; }

    public required DateOnly AsOf { get; init; }

    public required string Profile { get; init; }

    /// <summary>The households as JSON Lines, in the interchange format.</summary>
    public required IReadOnlyList<string> HouseholdLines { get; init; }

    public required string HouseholdId { get; init; }

    /// <summary>For area rules: the county and list (<c>area: { countyCode, list }</c>) whose area findings are checked instead of a household's.</summary>
    public (string CountyCode, string List)? Area { get; init; }

    /// <summary>The department roster snapshots of the case's <c>rosters:</c> section (ids 1, 2, … in order).</summary>
    public IReadOnlyList<Monitoring.Rules.Department.RosterSnapshot> Rosters { get; init; } = [];

    public required IReadOnlyList<string> Fired { get; init; }

    public required IReadOnlyList<string> NotFired { get; init; }

    /// <summary>Rules that must report the household not evaluable (counted in the summary, never a finding).</summary>
    public IReadOnlyList<string> NotEvaluable { get; init; } = [];

    public override string ToString() => $"{File}: {Name}";
}
