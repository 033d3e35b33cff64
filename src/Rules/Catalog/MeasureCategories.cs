using Monitoring.Rules.Codes;

namespace Monitoring.Rules.Catalog;

/// <summary>
/// The risk category a risk rule's finding gives (catalogue v2, PROC-MEASURE-MISMATCH): a fixed category, or for the rules
/// that count expenses or events the category of each counted item's kind (<c>expenses:medical=illness,…</c>).
/// </summary>
public static class MeasureCategories
{
    /// <summary>The risk categories of <c>case.risks</c>.</summary>
    public static readonly string[] Kinds = [.. DomainLabels.RiskCategories.Values];

    /// <summary>
    /// (Source, kind → category) of a <c>measureCategory</c> property: source null with one entry "" → category for a fixed
    /// category; source <c>expenses</c> or <c>events</c> with the map. Null when the text is malformed.
    /// </summary>
    public static (string? Source, IReadOnlyDictionary<string, string> Map)? Parse(string text)
    {
        if (Kinds.Contains(text))
        {
            return (null, new Dictionary<string, string> { [""] = text });
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var source = text[..colon];
        if (source is not ("expenses" or "events"))
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Kinds.Contains(parts[1]))
            {
                return null;
            }

            map[parts[0]] = parts[1];
        }

        return map.Count == 0 ? null : (source, map);
    }
}
