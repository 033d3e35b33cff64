using Monitoring.Store.Replay;
using Monitoring.Store.Web;
using Monitoring.Web.Sources;

namespace Monitoring.Web.Api;

/// <summary>
/// <c>GET /api/v1/households/{id}/explain?run=N</c>: the replay of a stored night (<see cref="ExplainQueries"/>), every rule
/// fired or silent with its source, conditions, values, parameters and their sources; the household version and rule set
/// the run used, and the stored and replayed findings' counts.
/// </summary>
public sealed record ExplainResponse(
    long Run,
    DateOnly AsOf,
    string Profile,
    string HouseholdId,
    string RulesVersion,
    bool Reproduced,
    IReadOnlyList<ExplainedRule> Rules,
    string HouseholdHash,
    string RuleSetHash,
    int StoredFindings,
    int ReplayedFindings)
{
    public static ExplainResponse From(ReplayResult result, SourceDocuments sources)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(sources);
        return new(result.Run, result.AsOf, result.Profile, result.HouseholdId, result.RulesVersion, result.Reproduced,
            [.. result.Rules.Select(r => ExplainedRule.From(r, sources))],
            result.HouseholdHash, result.RuleSetHash, result.StoredFindings.Count, result.ReplayedFindings.Count);
    }
}
