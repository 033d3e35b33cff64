using Monitoring.Engine.Findings;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Evaluation;

/// <summary>
/// The risk categories one risk finding gives (PROC-MEASURE-MISMATCH without <c>case.risks</c>), as its rule's
/// <c>measureCategory</c> says: a fixed category, or the categories of the expenses (12 months up to the date) or the events
/// (within the event window the finding read) it counted.
/// </summary>
public static class RiskCategoryResolver
{
    public static IEnumerable<string> Of(RuleDefinition rule, Finding finding, HouseholdFacts known)
    {
        if (rule.MeasureCategory is null || MeasureCategories.Parse(rule.MeasureCategory) is not { } parsed)
        {
            yield break;
        }

        if (parsed.Source is null)
        {
            yield return parsed.Map[""];
            yield break;
        }

        if (parsed.Source == "expenses")
        {
            var start = known.WindowStartExclusive;
            foreach (var expense in known.Expenses)
            {
                if (expense.Date > start && expense.Date <= known.AsOf && parsed.Map.TryGetValue(expense.Kind, out var category))
                {
                    yield return category;
                }
            }

            yield break;
        }

        var window = finding.Parameters.FirstOrDefault(p => p.Name == "eventWindowDays")?.Number is decimal days ? (int)days : 0;
        foreach (var e in known.EventsWithin(window))
        {
            if (parsed.Map.TryGetValue(e.Kind, out var category))
            {
                yield return category;
            }
        }
    }
}
