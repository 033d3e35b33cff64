using System.Text;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Cli;

/// <summary>Empty files, over-long lines, NUL characters and invalid UTF-8: a clear message naming the line, never a stack trace.</summary>
public sealed class BadInputFileTests : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly PostgresFixture _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("monitoring-badinput-").FullName;

    public BadInputFileTests(PostgresFixture db) => _db = db;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Broken_lines_are_named_with_their_line_and_the_rest_is_evaluated()
    {
        var valid = Encoding.UTF8.GetBytes(SampleHousehold.Line(SampleHousehold.Create("h-1")) + "\n");
        var nul = Encoding.UTF8.GetBytes(SampleHousehold.Line(SampleHousehold.Create("h-2")).Replace("张三", "张\0三", StringComparison.Ordinal) + "\n");
        var latin1 = Encoding.Latin1.GetBytes(SampleHousehold.Line(SampleHousehold.Create("h-3")).Replace("张三", "Müller", StringComparison.Ordinal) + "\n");
        var longLine = Encoding.UTF8.GetBytes(SampleHousehold.Line(SampleHousehold.Create("h-4")).Replace("张三", new string('长', 400_000), StringComparison.Ordinal) + "\n");
        var last = Encoding.UTF8.GetBytes(SampleHousehold.Line(SampleHousehold.Create("h-5")) + "\n");
        var input = Path.Combine(_dir, "broken.jsonl");
        File.WriteAllBytes(input, [.. valid, .. nul, .. latin1, .. longLine, .. last]);

        var (exit, stdout, stderr) = CliProcess.Run("evaluate", "--input", input, "--as-of", "2022-06-30");

        Assert.Equal(2, exit);
        Assert.Contains("line 2: $: 第 ", stderr, StringComparison.Ordinal);
        Assert.Contains("NUL 字符", stderr, StringComparison.Ordinal);
        Assert.Contains("line 3: $: 不是有效的 UTF-8 文本", stderr, StringComparison.Ordinal);
        Assert.Contains("line 4: $: 本行超过 1 MiB", stderr, StringComparison.Ordinal);
        Assert.Contains("读取农户 5 户，评估 2 户，数据有误未评估 3 户", stderr.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"householdId\":\"h-5\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.jsonl", "")]
    [InlineData("blank.jsonl", "\n  \n")]
    [InlineData("header-only.csv", "户编码,县级代码,户类别,成员编号,出生日期\n")]
    public void An_empty_or_header_only_file_is_exit_2_with_a_message(string name, string content)
    {
        var input = Path.Combine(_dir, name);
        File.WriteAllText(input, content);
        _db.Migrated();

        var (exit, _, stderr) = CliProcess.Run("import", "--input", input, "--as-of", "2022-06-30", "--connection", _db.ConnectionString);

        Assert.True(exit == 2, stderr);
        Assert.Contains("没有任何农户记录", stderr, StringComparison.Ordinal);
        Assert.Equal(0, Sql.Count(_db.ConnectionString, "SELECT count(*) FROM households"));
        if (name.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            var evaluated = CliProcess.Run("evaluate", "--input", input, "--as-of", "2022-06-30");
            Assert.Equal(2, evaluated.ExitCode);
            Assert.Contains("没有任何农户记录", evaluated.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_refused_connection_is_reported_as_such_in_chinese()
    {
        var (exit, _, stderr) = CliProcess.Run("export-findings", "--connection", "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=5");

        Assert.Equal(1, exit);
        Assert.Contains("无法连接数据库 127.0.0.1:1（连接被拒绝", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Object reference", stderr, StringComparison.Ordinal);
    }
}
