using System.Collections;
using System.Globalization;

namespace Monitoring.Engine.Explaining;

/// <summary>Formats values for Chinese sentences: money with thousands separators, ratios as percentages, ISO dates.</summary>
public static class ValueFormatter
{
    public static string Format(object? value, string? format)
    {
        return (value, format) switch
        {
            (null, _) => "（无）",
            (decimal d, "pct") => Percent(d),
            (decimal d, _) => Money(d),
            (int i, "pct") => Percent(i),
            (int i, _) => i.ToString(CultureInfo.InvariantCulture),
            (DateOnly date, _) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (string s, _) => s,
            (bool b, _) => b ? "是" : "否",
            (IEnumerable items, _) => string.Join("、", items.Cast<object?>().Select(i => Format(i, format))),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary>5999 → "5,999"; 6666.666… → "6,666.67".</summary>
    public static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,##0.##", CultureInfo.InvariantCulture);

    /// <summary>0.3 → "30%"; 0.955 → "95.5%".</summary>
    public static string Percent(decimal ratio) => Math.Round(ratio * 100, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
