using Monitoring.Engine.Explaining;
using Monitoring.Engine.Records;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Facts;
using Monitoring.Store.Nightly;

namespace Monitoring.Store.Replay;

/// <summary>
/// What a stored run saw for one household, rebuilt — the household version, the stored rule set, the helper group's
/// counts and the stored risk nights — every rule explained, and whether the replay reproduces the stored findings
/// byte for byte. Serialised by the web as <c>{run, rulesVersion, reproduced, rules: [{ruleId, fired, conditions}]}</c>.
/// </summary>
public sealed class ReplayResult
{
    public required long Run { get; init; }

    public required DateOnly AsOf { get; init; }

    public required string Profile { get; init; }

    public required string RulesVersion { get; init; }

    public required string RuleSetHash { get; init; }

    public required string HouseholdId { get; init; }

    /// <summary>The household version the run evaluated.</summary>
    public required string HouseholdHash { get; init; }

    public required bool Reproduced { get; init; }

    public required IReadOnlyList<ReplayedRule> Rules { get; init; }

    /// <summary>The run's findings for the household as stored (the export's bytes).</summary>
    public required IReadOnlyList<string> StoredFindings { get; init; }

    /// <summary>The findings the replay produced, serialised as the run serialises them.</summary>
    public required IReadOnlyList<string> ReplayedFindings { get; init; }

    public HelperGroupFacts? HelperGroup { get; init; }

    /// <summary>The stored mode of PROC-CANDIDATE-NO-CASE as the replay saw it (risk series start, nights, grace).</summary>
    public required StoredCandidateCheck StoredCandidate { get; init; }

    public required HouseholdRecord Record { get; init; }

    public required HouseholdFacts Facts { get; init; }

    public required RuleSet RuleSet { get; init; }

    public IReadOnlyList<RuleExplanation> Explanations => [.. Rules.Select(r => r.Explanation)];
}
