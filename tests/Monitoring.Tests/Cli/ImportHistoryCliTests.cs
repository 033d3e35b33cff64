using System.Text.Json.Nodes;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Cli;

/// <summary><c>import</c> refusing removals, allowing them with <c>--allow-removals</c>, and <c>history</c> showing both imports.</summary>
public sealed class ImportHistoryCliTests : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly PostgresFixture _db;
    private readonly string _directory = Directory.CreateTempSubdirectory("h8a-cli-").FullName;

    public ImportHistoryCliTests(PostgresFixture db) => _db = db.Migrated();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (int ExitCode, string Stdout, string Stderr) Cli(params string[] args) => CliProcess.Run([.. args, "--connection", _db.ConnectionString]);

    private string Write(string name, JsonObject household)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, SampleHousehold.Line(household) + "\n");
        return path;
    }

    [Fact]
    public void A_removal_is_refused_with_exit_2_allowed_with_the_flag_and_the_history_shows_what_changed()
    {
        var household = SampleHousehold.Create("610728-9301");
        Assert.Equal(0, Cli("import", "--input", Write("first.jsonl", household), "--as-of", "2022-06-30", "--by", "县局").ExitCode);

        household["visits"] = new JsonArray("2021-07-10");
        var second = Write("second.jsonl", household);
        var refused = Cli("import", "--input", second, "--as-of", "2022-07-31");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("line 1: 走访: 户 610728-9301：导入将删除已存的走访 2021-10-10", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("数据库未作任何改动", refused.Stderr, StringComparison.Ordinal);

        var allowed = Cli("import", "--input", second, "--as-of", "2022-07-31", "--allow-removals", "--by", "县局");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Contains("户 610728-9301（第 1 行）：走访 2021-10-10：删除", allowed.Stderr, StringComparison.Ordinal);
        Assert.Contains("更新 1 户（其中 1 户删除了已存数据）", allowed.Stderr, StringComparison.Ordinal);

        var history = Cli("history", "--household", "610728-9301");
        Assert.Equal(0, history.ExitCode);
        Assert.Contains("所述日期 2022-06-30 · 导入 · 县局", history.Stdout, StringComparison.Ordinal);
        Assert.Contains("文件 second.jsonl 第 1 行 · 替换 · 经 --allow-removals 允许删除 1 项", history.Stdout, StringComparison.Ordinal);
        Assert.Contains("    走访 2021-10-10：删除", history.Stdout, StringComparison.Ordinal);
    }
}
