using Quickenshtein;

namespace Monitoring.Rules.Codes;

/// <summary>
/// The values of one enumerated field (steps, measure kinds, categories …) with their Chinese labels: the one place the
/// labels are written (<see cref="DomainLabels"/>). Reads a value typed by staff as the code or the label, and suggests the
/// nearest values for a mistyped one (edit distance over codes and labels).
/// </summary>
public sealed class CodeFamily
{
    private readonly Dictionary<string, DomainCode> _byCode;
    private readonly Dictionary<string, DomainCode> _byText;

    public CodeFamily(string nameZh, params DomainCode[] codes)
    {
        NameZh = nameZh;
        Codes = codes;
        _byCode = codes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _byText = new Dictionary<string, DomainCode>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in codes)
        {
            foreach (var text in code.Aliases.Prepend(code.Zh).Prepend(code.Code))
            {
                _byText.TryAdd(Normalize(text), code);
            }
        }
    }

    /// <summary>What the field is, in Chinese (纳入程序步骤).</summary>
    public string NameZh { get; }

    public IReadOnlyList<DomainCode> Codes { get; }

    /// <summary>The codes, in table order.</summary>
    public IEnumerable<string> Values => Codes.Select(c => c.Code);

    public bool Contains(string? code) => code is not null && _byCode.ContainsKey(code);

    /// <summary>The Chinese label of <paramref name="code"/>; the code itself when it is not in the table, "" for null.</summary>
    public string Zh(string? code) => code is null ? "" : _byCode.TryGetValue(code, out var value) ? value.Zh : code;

    /// <summary>The code typed as a code or a Chinese label (case, white space and full-width parentheses ignored), or null.</summary>
    public string? Resolve(string? text) => text is not null && _byText.TryGetValue(Normalize(text), out var value) ? value.Code : null;

    /// <summary>
    /// The values nearest to a mistyped <paramref name="text"/>: those whose code or label is within an edit distance of
    /// about a third of its length (at least 1, at most 3), nearest first.
    /// </summary>
    public IReadOnlyList<DomainCode> Suggest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = Normalize(text);
        return [.. Codes
            .Select(c => (Code: c, Distance: c.Aliases.Prepend(c.Zh).Prepend(c.Code).Min(t => Distance(typed, Normalize(t)))))
            .Where(x => x.Distance <= Math.Clamp(typed.Length / 3, 1, 3))
            .OrderBy(x => x.Distance)
            .Select(x => x.Code)
            .Take(3)];
    }

    /// <summary>
    /// The message for a value not in the table: 「X」不是有效的…；您是不是要输入 「发放风险预警告知书」（warning_notice）？ or the list of
    /// every value when nothing is near.
    /// </summary>
    public string UnknownMessage(string text, IEnumerable<DomainCode>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var choices = (allowed ?? Codes).ToList();
        var near = Suggest(text).Where(choices.Contains).ToList();
        var hint = near.Count > 0
            ? $"您是不是要输入 {string.Join(" 或 ", near.Select(c => $"「{c.Zh}」（{c.Code}）"))}？"
            : $"应为以下之一：{string.Join(" | ", choices.Select(c => $"{c.Code}（{c.Zh}）"))}";
        return $"「{text}」不是有效的{NameZh}；{hint}";
    }

    /// <summary>The value, or null; for <see cref="DomainCode"/> lookups by code.</summary>
    public DomainCode? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var value) ? value : null;

    private static int Distance(string a, string b) => Levenshtein.GetDistance(a, b);

    private static string Normalize(string text) =>
        text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace('(', '（').Replace(')', '）').ToLowerInvariant();
}
