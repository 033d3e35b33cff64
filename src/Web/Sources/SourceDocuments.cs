using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitoring.Web.Sources;

/// <summary>
/// The table of source documents (<c>rules/documents.yaml</c>) and the reading of a rule's <c>source</c> text
/// (<c>000_ec4cb8c3d9f11643.txt row 94; 001_1f8f6f79665227f8.txt #9</c>) as document titles and clauses in Chinese
/// (《…责任清单》第 94 行；…第 9 条), so pages never show a file name.
/// </summary>
public sealed partial class SourceDocuments
{
    public const string FileName = "documents.yaml";

    private readonly Dictionary<string, SourceDocument> _byFile;

    public SourceDocuments(IEnumerable<SourceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _byFile = documents.ToDictionary(d => d.File, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<SourceDocument> All => _byFile.Values;

    /// <summary>Loads <c>documents.yaml</c> from the rules directory; a missing or malformed table names the file.</summary>
    public static SourceDocuments Load(string rulesDirectory)
    {
        var path = Path.Combine(rulesDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"缺少文件依据表 {path}");
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var table = deserializer.Deserialize<DocumentTable>(File.ReadAllText(path)) ?? new DocumentTable();
        var documents = new List<SourceDocument>();
        foreach (var entry in table.Documents)
        {
            if (string.IsNullOrWhiteSpace(entry.File) || string.IsNullOrWhiteSpace(entry.Title))
            {
                throw new InvalidOperationException($"{path}：每个文件须有 file 与 title");
            }

            documents.Add(new SourceDocument(entry.File, entry.Title, entry.Issuer ?? ""));
        }

        return new SourceDocuments(documents);
    }

    public SourceDocument? Find(string file) => _byFile.GetValueOrDefault(file);

    /// <summary>The file names a source text cites (for the check that every cited file has a title).</summary>
    public static IEnumerable<string> CitedFiles(string source) =>
        FileNamePattern().Matches(source ?? "").Select(m => m.Value);

    /// <summary>Each cited place of a source text, document title and clause in Chinese, in the order cited.</summary>
    public IReadOnlyList<SourceCitation> Cite(string? source)
    {
        var citations = new List<SourceCitation>();
        if (string.IsNullOrWhiteSpace(source))
        {
            return citations;
        }

        foreach (var part in source.Split(['；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = FileNamePattern().Match(part);
            if (!match.Success)
            {
                citations.Add(new SourceCitation(citations.Count > 0 ? citations[^1].Document : "", Clause(part)));
                continue;
            }

            var document = Find(match.Value)?.Title ?? match.Value;
            var clause = Clause((part[..match.Index] + part[(match.Index + match.Length)..]).Trim());
            citations.Add(new SourceCitation(document, clause));
        }

        return citations;
    }

    /// <summary>A source text with every file name replaced by its document title and the clause in Chinese.</summary>
    public string Describe(string? source) =>
        string.Join("；", Cite(source).Select(c => c.Clause.Length == 0 ? c.Document : c.Document.Length == 0 ? c.Clause : $"{c.Document} {c.Clause}"));

    /// <summary>row 94 → 第 94 行; rows 34, 81 → 第 34、81 行; #9 → 第 9 条; 附#49 → 附件第 49 条; other wording kept.</summary>
    public static string Clause(string clause)
    {
        var text = RowsPattern().Replace(clause, m => $"第 {m.Groups[1].Value.Replace(", ", "、", StringComparison.Ordinal).Replace(",", "、", StringComparison.Ordinal)} 行");
        text = AttachmentItemPattern().Replace(text, m => $"附件第 {m.Groups[1].Value} 条");
        text = ItemPattern().Replace(text, m => $"第 {m.Groups[1].Value} 条");
        return text.Trim();
    }

    [GeneratedRegex(@"\d{3}_[0-9a-f]{16}\.txt")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"\brows? (\d+(?:\s*[–,-]\s*\d+)*)")]
    private static partial Regex RowsPattern();

    [GeneratedRegex(@"附#(\d+)")]
    private static partial Regex AttachmentItemPattern();

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex ItemPattern();

    private sealed class DocumentTable
    {
        public List<DocumentEntry> Documents { get; set; } = [];
    }

    private sealed class DocumentEntry
    {
        public string? File { get; set; }

        public string? Title { get; set; }

        public string? Issuer { get; set; }
    }
}
