using Monitoring.Rules.Codes;

namespace Monitoring.Engine.Importing;

/// <summary>
/// The accepted spellings of one enumerated column: each interchange code (household-format.md, <c>DomainCodes</c>)
/// with its Chinese labels. Codes match without regard to case; labels match after white space is removed.
/// </summary>
public sealed class CodeMap
{
    private readonly Dictionary<string, string> _byLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byCode = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The codes of a family of <see cref="DomainLabels"/> with its labels and aliases.</summary>
    internal static CodeMap From(CodeFamily family) =>
        new([.. family.Values], [.. family.Codes.Select(c => (c.Code, c.Aliases.Prepend(c.Zh).ToArray()))]);

    /// <summary>One code of a family of <see cref="DomainLabels"/> with its label and aliases, for a map over several families' codes.</summary>
    internal static (string Code, string[] Labels) Entry(CodeFamily family, string code) =>
        family.Find(code) is { } value ? (value.Code, [.. value.Aliases.Prepend(value.Zh)]) : throw new InvalidOperationException($"{family.NameZh}中没有代码 {code}");

    internal CodeMap(string[] codes, params (string Code, string[] Labels)[] labels)
    {
        Codes = codes;
        var entries = new List<(string, IReadOnlyList<string>)>();
        foreach (var code in codes)
        {
            _byCode[code] = code;
            var these = labels.Where(l => l.Code == code).SelectMany(l => l.Labels).ToArray();
            if (these.Length == 0)
            {
                throw new InvalidOperationException($"代码 {code} 没有中文名称");
            }

            foreach (var label in these)
            {
                _byLabel[ImportColumns.Squeeze(label)] = code;
            }

            entries.Add((code, these));
        }

        foreach (var (code, _) in labels)
        {
            if (Array.IndexOf(codes, code) < 0)
            {
                throw new InvalidOperationException($"中文名称对应的代码 {code} 不在代码表中");
            }
        }

        Entries = entries;
    }

    /// <summary>The interchange codes, in the order of <c>DomainCodes</c>.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Each code with its Chinese labels (the first label is the one the national system uses).</summary>
    public IReadOnlyList<(string Code, IReadOnlyList<string> Labels)> Entries { get; }

    /// <summary>The code for a code or a Chinese label, or null.</summary>
    public string? Find(string text)
    {
        if (_byCode.TryGetValue(text, out var code))
        {
            return code;
        }

        return _byLabel.TryGetValue(ImportColumns.Squeeze(text), out code) ? code : null;
    }

    /// <summary>For messages: <c>脱贫户 | 监测户 | 一般农户（或代码 lifted | monitored | ordinary）</c>.</summary>
    public string Describe() =>
        string.Join(" | ", Entries.Select(e => e.Labels[0])) + "（或代码 " + string.Join(" | ", Codes) + "）";
}
