using System.Text;
using System.Text.RegularExpressions;
using Monitoring.Rules.Parameters;

namespace Monitoring.Engine.Explaining;

/// <summary>Fills a rule's <c>explanationZh</c> template from the finding's values and parameters.</summary>
public static partial class ExplanationTemplate
{
    public static string Fill(string template, IReadOnlyList<KeyValuePair<string, object?>> values, IReadOnlyList<ResolvedParameter> parameters, string? memberId)
    {
        var text = Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            var format = match.Groups[2].Success ? match.Groups[2].Value : null;
            if (name == "memberId")
            {
                return memberId ?? "";
            }

            foreach (var (key, value) in values)
            {
                if (key == name)
                {
                    return ValueFormatter.Format(value, format);
                }
            }

            foreach (var parameter in parameters)
            {
                if (parameter.Name == name)
                {
                    return parameter.Number is decimal number ? ValueFormatter.Format(number, format) : parameter.RawValue;
                }
            }

            return match.Value;
        });

        var notes = new StringBuilder();
        foreach (var parameter in parameters.Where(p => p.CarriedForward).DistinctBy(p => p.EntryKey))
        {
            notes.Append($"（{parameter.ForYear} 年未公布新标准，沿用 {parameter.From:yyyy-MM-dd} 起的 {ValueFormatter.Format(parameter.Number, null)} 元）");
        }

        return text + notes;
    }

    [GeneratedRegex(@"\{(\w+)(?::(\w+))?\}")]
    private static partial Regex Placeholder();
}
