using Monitoring.Store.Replay;
using Monitoring.Store.Web;
using Monitoring.Web.Sources;

namespace Monitoring.Web.Api;

/// <summary>
/// One rule of a replay: fired or not, its sentence when it fired, why it was not evaluated, its conditions; its title and
/// legal source (document title and clause) and the parameters in force with their sources.
/// </summary>
public sealed record ExplainedRule(
    string RuleId,
    bool Fired,
    string? Explanation,
    string? NotEvaluatedReason,
    IReadOnlyList<ExplainedCondition> Conditions,
    string Title,
    string Source,
    IReadOnlyList<ExplainedParameter> Parameters)
{
    public static ExplainedRule From(ReplayedRule rule, SourceDocuments sources)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(sources);
        var e = rule.Explanation;
        return new(rule.RuleId, rule.Fired, e.Finding?.Explanation is { } text ? ResidentIdText.Mask(text) : null, e.NotEvaluatedReason,
            [.. rule.Conditions.Select(ExplainedCondition.From)], e.Rule.TitleZh, sources.Describe(e.Rule.Source),
            [.. e.Parameters.Select(p => new ExplainedParameter(p.Name, p.RawValue, p.From, p.OriginNameZh, p.CarriedForward, sources.Describe(p.Reference)))]);
    }
}
