namespace Monitoring.Rules.Cases;

/// <summary>
/// One check the case commands apply when recording (a CASE-* id of <c>rules/case-checks.yaml</c>): its clause and the
/// Chinese title staff read; a refused command names it. Bound from YAML, validated by the rule loader.
/// </summary>
public sealed class CaseCheck
{
    public string Id { get; set; } = "";

    /// <summary>Seed file and clause, or the format document's section, as the catalogue rules' <c>source</c>.</summary>
    public string Source { get; set; } = "";

    public string TitleZh { get; set; } = "";

    /// <summary>What the check refuses, in Chinese, for the documentation.</summary>
    public string Description { get; set; } = "";
}
