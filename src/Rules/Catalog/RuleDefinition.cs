namespace Monitoring.Rules.Catalog;

/// <summary>One catalogue rule as loaded from a workflow file: its metadata, condition tree and definition hash.</summary>
public sealed class RuleDefinition
{
    public required string Id { get; init; }

    public required string TitleZh { get; init; }

    public required string TitleEn { get; init; }

    public required string Category { get; init; }

    /// <summary>risk | notice | process.</summary>
    public required string Severity { get; init; }

    /// <summary>Seed file and row or clause, e.g. "000_ec4cb8c3d9f11643.txt row 4".</summary>
    public required string Source { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }

    /// <summary>household | member | helperGroup | area (one finding per county and department list, no household).</summary>
    public required string Scope { get; init; }

    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>hardship where firing makes a candidate 突发严重困难户; null otherwise.</summary>
    public string? CandidateType { get; init; }

    /// <summary>The Chinese sentence template of a finding, with {value} and {parameter} placeholders.</summary>
    public required string ExplanationZh { get; init; }

    /// <summary>How an ambiguous clause was read, and why an auditor can defend it.</summary>
    public string? Interpretation { get; init; }

    /// <summary>Profiles (and their descendants) this rule is limited to; empty = every profile.</summary>
    public required IReadOnlyList<string> Profiles { get; init; }

    /// <summary>The households the rule applies to, in the catalogue's terms (all, L+, L+ ∪ M, M-open, …; catalogue v2 Populations).</summary>
    public required string Population { get; init; }

    /// <summary>Risk rules: the risk category a finding gives (PROC-MEASURE-MISMATCH), see <see cref="MeasureCategories"/>.</summary>
    public string? MeasureCategory { get; init; }

    /// <summary>stored for a rule that only the nightly run can evaluate (it reads the run history); null otherwise.</summary>
    public string? Mode { get; init; }

    /// <summary>Stored-mode rules: the rules whose run history they read (ids, or a prefix ending in * such as HOU-*).</summary>
    public IReadOnlyList<string> StoredRules { get; init; } = [];

    /// <summary>Whether <paramref name="ruleId"/> is one of <see cref="StoredRules"/>.</summary>
    public bool ReadsStored(string ruleId)
    {
        foreach (var pattern in StoredRules)
        {
            if (pattern.EndsWith('*') ? ruleId.StartsWith(pattern[..^1], StringComparison.Ordinal) : ruleId == pattern)
            {
                return true;
            }
        }

        return false;
    }

    public required RuleNode Root { get; init; }

    /// <summary>Values reported with a finding (in addition to those of the conditions).</summary>
    public required IReadOnlyList<ValueDefinition> Values { get; init; }

    /// <summary>SHA-256 of the rule's canonical JSON definition.</summary>
    public required string DefinitionHash { get; init; }

    public required string File { get; init; }

    public required string WorkflowName { get; init; }

    public int SeverityOrder => Severity switch { "risk" => 0, "notice" => 1, _ => 2 };

    public bool InForceOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date <= EffectiveTo);

    /// <summary>Every value the rule reports when it fires: its own, then each condition's, without repeats.</summary>
    public IEnumerable<ValueDefinition> AllValues() =>
        Values.Concat(Root.DescendantsAndSelf().SelectMany(n => n.Values)).DistinctBy(v => v.Name);
}
