using Monitoring.Tests.Store;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Leads;

/// <summary>The <c>leads</c> verbs and the warning leads of <c>dept import</c> through the real CLI against the real database.</summary>
public sealed class LeadsCliTests : IClassFixture<PostgresFixture>, IDisposable
{
    private const string Household = "610728-9601";
    private readonly PostgresFixture _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("monitoring-leads-").FullName;

    public LeadsCliTests(PostgresFixture db) => _db = db.Migrated();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int ExitCode, string Stdout, string Stderr) Cli(params string[] args) => CliProcess.Run([.. args, "--connection", _db.ConnectionString]);

    [Fact]
    public void Report_list_show_reject_and_confirm_through_the_cli()
    {
        var member = ResidentIdScanner.Valid("61072819800101961");
        var household = SampleHousehold.Create(Household);
        household["members"]![0]!["idNumber"] = member;
        var input = Path.Combine(_dir, "village.jsonl");
        File.WriteAllText(input, SampleHousehold.Line(household) + "\n");
        Assert.Equal(0, Cli("import", "--input", input, "--as-of", "2022-06-01").ExitCode);

        var warnings = Path.Combine(_dir, "warn.jsonl");
        File.WriteAllText(warnings, $$"""{"idNumber": "{{member}}", "date": "2022-06-01", "kind": "disaster", "note": "山洪冲毁圈舍"}""" + "\n");
        var imported = Cli("dept", "import", "--list", "warn-yingji", "--county", "610728", "--snapshot", "2022-06-02", "--input", warnings, "--by", "应急局");
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        Assert.Contains("新增线索 1 条", imported.Stderr, StringComparison.Ordinal);
        Assert.Contains("未变化", Cli("dept", "import", "--list", "warn-yingji", "--county", "610728", "--snapshot", "2022-06-02", "--input", warnings).Stderr, StringComparison.Ordinal);

        var added = Cli("leads", "add", "--village", "610728001001", "--household", Household, "--kind", "住房", "--description", "雨季房屋漏水", "--by", "村干部王五");
        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.Contains("已上报线索 #2", added.Stdout, StringComparison.Ordinal);

        var list = Cli("leads", "list", "--status", "pending");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("部门预警\t待核实\t东风村\t610728-9601\tm1\t张三\t610728********", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("warn-yingji 快照 2022-06-02 #1 第 1 行", list.Stdout, StringComparison.Ordinal);
        Assert.Empty(ResidentIdScanner.Find(list.Stdout));

        var noReason = Cli("leads", "reject", "--id", "2", "--reason", " ");
        Assert.Equal(1, noReason.ExitCode);
        Assert.Contains("排除线索须填写理由", noReason.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Cli("leads", "reject", "--id", "2", "--reason", "已维修").ExitCode);

        var confirmed = Cli("leads", "confirm", "--id", "1", "--by", "村干部王五");
        Assert.True(confirmed.ExitCode == 0, confirmed.Stderr);
        Assert.Contains("农户 610728-9601 登记事件“部门预警”，日期 2022-06-01", confirmed.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, Cli("leads", "confirm", "--id", "1").ExitCode);

        var shown = Cli("leads", "show", "--id", "1");
        Assert.Contains("已核实确认", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("村干部王五　确认，农户 610728-9601 登记事件", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"department_warning\"", Sql.Value(_db.ConnectionString,
            $"SELECT v.record::text FROM households h JOIN household_versions v ON v.hash = h.current_hash WHERE h.id = '{Household}'")!.ToString()!.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(1, Cli("leads", "show", "--id", "99").ExitCode);
    }
}
