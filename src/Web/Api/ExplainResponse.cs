using Monitoring.Engine.Explaining;
using Monitoring.Store.Replay;
using Monitoring.Store.Web;

namespace Monitoring.Web.Api;

/// <summary><c>GET /api/v1/households/{id}/explain?run=N</c>: the replay of a stored night, every rule fired or not with its conditions.</summary>
public sealed record ExplainResponse(long Run, DateOnly AsOf, string Profile, string HouseholdId, string RulesVersion, bool Reproduced, IReadOnlyList<ExplainedRule> Rules)
{
    public static ExplainResponse From(ReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Run, result.AsOf, result.Profile, result.HouseholdId, result.RulesVersion, result.Reproduced,
            [.. result.Rules.Select(r => new ExplainedRule(r.RuleId, r.Fired, r.Explanation.Finding?.Explanation is { } text ? ResidentIdText.Mask(text) : null,
                r.Explanation.NotEvaluatedReason, [.. r.Conditions.Select(ExplainedCondition.From)]))]);
    }
}

/// <summary>One rule of a replay: fired or not, its sentence when it fired, and its conditions.</summary>
public sealed record ExplainedRule(string RuleId, bool Fired, string? Explanation, string? NotEvaluatedReason, IReadOnlyList<ExplainedCondition> Conditions);

/// <summary>One condition: held or not (null: not evaluated), the values it read, its sub-conditions.</summary>
public sealed record ExplainedCondition(
    string Name,
    string? Label,
    string? Operator,
    string? Expression,
    bool? Held,
    string? NotEvaluatedReason,
    IReadOnlyDictionary<string, object?> Values,
    IReadOnlyList<ExplainedCondition> Children)
{
    public static ExplainedCondition From(ConditionExplanation condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in condition.Values)
        {
            values[key] = value switch
            {
                null => null,
                string text => ResidentIdText.Mask(text),
                bool or int or long or decimal or double or DateOnly => value,
                _ => ResidentIdText.Mask(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            };
        }

        return new(condition.Name, condition.LabelZh, condition.Operator, condition.Expression, condition.Held, condition.NotEvaluatedReason, values,
            [.. condition.Children.Select(From)]);
    }
}
