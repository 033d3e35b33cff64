using Monitoring.Engine.Explaining;
using Monitoring.Store.Web;

namespace Monitoring.Web.Api;

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
