using Monitoring.Tests.Support;
using Monitoring.Web.Sources;

namespace Monitoring.Tests.Web;

public sealed class SourceDocumentsTests
{
    private static readonly SourceDocuments Table = SourceDocuments.Load(TestPaths.Rules);

    [Fact]
    public void Every_file_cited_under_rules_has_a_title()
    {
        var cited = Directory.EnumerateFiles(TestPaths.Rules, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal))
            .Where(path => !path.EndsWith(SourceDocuments.FileName, StringComparison.Ordinal))
            .SelectMany(path => SourceDocuments.CitedFiles(File.ReadAllText(path)).Select(file => (file, path)))
            .ToList();

        Assert.NotEmpty(cited);
        var missing = cited.Where(c => Table.Find(c.file) is null).Select(c => $"{c.file} ({Path.GetFileName(c.path)})").Distinct().ToList();
        Assert.True(missing.Count == 0, "rules/documents.yaml lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_rule_source_reads_as_document_titles_and_clauses_without_file_names()
    {
        var text = Table.Describe("000_ec4cb8c3d9f11643.txt row 94; 001_1f8f6f79665227f8.txt #9");

        Assert.Equal("镇巴县2021年巩固拓展脱贫攻坚成果同乡村振兴有效衔接“3+1”任务责任清单 第 94 行；" +
            "秀委农组〔2022〕5号《秀山自治县坚决防止规模性返贫的具体措施》 第 9 条", text);
        Assert.DoesNotContain(".txt", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rows 34, 81", "第 34、81 行")]
    [InlineData("附#49", "附件第 49 条")]
    [InlineData("二(一)1", "二(一)1")]
    public void Clauses_read_in_chinese(string clause, string expected) => Assert.Equal(expected, SourceDocuments.Clause(clause));
}
