using Monitoring.Rules.Parameters;

namespace Monitoring.Engine.Findings;

/// <summary>
/// One rule that fired for one household, with everything an auditor needs to see why: the values read,
/// the parameters in force with their sources, the rule version and a Chinese sentence.
/// </summary>
public sealed class Finding
{
    /// <summary>The household; empty for an area finding (<see cref="Area"/>), which the JSON writes as null.</summary>
    public required string HouseholdId { get; init; }

    /// <summary>Set for an area finding (scope <c>area</c>: a county and department list, no household).</summary>
    public AreaReference? Area { get; init; }

    public required string RuleId { get; init; }

    public string? MemberId { get; init; }

    public required string Severity { get; init; }

    public required DateOnly AsOf { get; init; }

    /// <summary>SHA-256 (16 hex) of the rule definition and the dated parameter values it used.</summary>
    public required string RuleVersion { get; init; }

    public required string Profile { get; init; }

    public required IReadOnlyList<KeyValuePair<string, object?>> Values { get; init; }

    public required IReadOnlyList<ResolvedParameter> Parameters { get; init; }

    public required string Explanation { get; init; }

    public required string Source { get; init; }

    public required string TitleZh { get; init; }

    public required string Category { get; init; }

    public string? VillageCode { get; init; }

    public string? CountyCode { get; init; }
}
