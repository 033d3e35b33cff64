using Monitoring.Tests.Store;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Cases;

/// <summary>A case taken from candidate to county approval, release and revisit through the real CLI against the real database.</summary>
public sealed class CaseCliTests : IClassFixture<PostgresFixture>, IDisposable
{
    private const string Id = "610728-0001";
    private readonly PostgresFixture _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("monitoring-cases-").FullName;

    public CaseCliTests(PostgresFixture db) => _db = db.Migrated();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int ExitCode, string Stdout, string Stderr) Cli(params string[] args) => CliProcess.Run([.. args, "--connection", _db.ConnectionString]);

    private void Ok(string verb, string date, params string[] extra)
    {
        var (exit, _, stderr) = Cli(["case", verb, "--household", Id, "--date", date, "--as-of", date, "--by", "村干部王五", .. extra]);
        Assert.True(exit == 0, $"case {verb} {date} {string.Join(' ', extra)}: {stderr}");
    }

    [Fact]
    public void The_whole_documented_procedure_through_the_cli()
    {
        var input = Path.Combine(_dir, "village.jsonl");
        var household = SampleHousehold.Create(Id);
        household["helper"] = null;
        household["visits"] = new System.Text.Json.Nodes.JsonArray();
        File.WriteAllText(input, SampleHousehold.Line(household) + "\n");
        Assert.Equal(0, Cli("import", "--input", input, "--as-of", "2021-09-01").ExitCode);

        Ok("open", "2021-09-15", "--type", "unstable");
        Ok("step", "2021-09-15", "--step", "warning_notice");
        Ok("step", "2021-09-16", "--step", "home_verification");
        Ok("step", "2021-09-16", "--step", "consent");
        Ok("step", "2021-09-17", "--step", "data_comparison");
        Ok("step", "2021-09-18", "--step", "village_review");

        var shortNotice = Cli("case", "step", "--household", Id, "--step", "public_notice", "--date", "2021-09-18", "--until", "2021-09-21", "--as-of", "2021-09-18");
        Assert.Equal(1, shortNotice.ExitCode);
        Assert.Contains("PROC-NOTICE-SHORT（001 附#49）", shortNotice.Stderr, StringComparison.Ordinal);
        var future = Cli("case", "step", "--household", Id, "--step", "public_notice", "--date", "2021-09-19", "--until", "2021-09-23", "--as-of", "2021-09-18");
        Assert.Equal(1, future.ExitCode);
        Assert.Contains("CASE-DATE-FUTURE", future.Stderr, StringComparison.Ordinal);
        var noTown = Cli("case", "step", "--household", Id, "--step", "county_approval", "--date", "2021-09-19", "--as-of", "2021-09-19");
        Assert.Equal(1, noTown.ExitCode);
        Assert.Contains("PROC-STEP-ORDER（000 row 78）", noTown.Stderr, StringComparison.Ordinal);

        Ok("step", "2021-09-18", "--step", "public_notice", "--until", "2021-09-22");

        var noticePath = Path.Combine(_dir, "notice.html");
        Assert.Equal(0, Cli("notice-list", "--village", "610728001001", "--as-of", "2021-09-20", "--format", "html", "--output", noticePath).ExitCode);
        var notice = File.ReadAllText(noticePath);
        Assert.Contains("张三", notice, StringComparison.Ordinal);
        Assert.Contains("拟纳入监测", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("610728198001011233", notice, StringComparison.Ordinal);
        Assert.Equal(0, Cli("notice-list", "--village", "610728001001", "--as-of", "2021-09-20", "--output", Path.Combine(_dir, "notice.xlsx")).ExitCode);

        Ok("step", "2021-09-23", "--step", "town_review");
        Ok("step", "2021-09-28", "--step", "county_approval");
        Assert.Equal("monitored", Sql.Value(_db.ConnectionString, $"SELECT category FROM households WHERE id = '{Id}'"));

        // The morning after approval: helper and plan are due on the 10th working day across National Day (18 Oct).
        var due = Cli("due", "--village", "610728001001", "--as-of", "2021-10-12");
        Assert.Equal(0, due.ExitCode);
        var lines = due.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("还剩 6 天\t2021-10-18\t610728-0001\t张三", StringComparison.Ordinal) && l.Contains("明确帮扶责任人", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2021-10-18", StringComparison.Ordinal) && l.Contains("一户一策", StringComparison.Ordinal));
        var lateDue = Cli("due", "--town", "610728001", "--as-of", "2021-10-19", "--format", "xlsx", "--output", Path.Combine(_dir, "due.xlsx"));
        Assert.Equal(0, lateDue.ExitCode);
        Assert.Contains("已逾期 2 项", lateDue.Stderr, StringComparison.Ordinal);

        Ok("helper", "2021-10-11", "--name", "李四");
        Ok("plan", "2021-10-15");
        Ok("measure", "2021-10-20", "--kind", "employment");
        Ok("visit", "2021-10-25");
        Ok("release-step", "2022-03-01", "--step", "village_notice", "--until", "2022-03-07");
        Ok("release-step", "2022-03-08", "--step", "town_recheck");
        Ok("release-step", "2022-03-10", "--step", "department_review");
        Ok("release-step", "2022-03-15", "--step", "county_announcement");
        Assert.Equal("lifted", Sql.Value(_db.ConnectionString, $"SELECT category FROM households WHERE id = '{Id}'"));
        Ok("revisit", "2022-09-01");

        var show = Cli("case", "show", "--household", Id, "--as-of", "2022-09-02");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("案件状态：已解除（风险消除）", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("【已按期完成（2021-09-28）】认定", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("【已按期完成（2021-10-20）】落实首项帮扶措施，时限 2021-10-28", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("【已按期完成（2022-09-01）】风险消除后回访，时限 2022-09-15", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("村干部王五", show.Stdout, StringComparison.Ordinal);
        Assert.Equal(18L, Sql.Count(_db.ConnectionString, $"SELECT count(*) FROM case_log WHERE household_id = '{Id}'"));

        var reopenEarly = Cli("case", "release-step", "--household", Id, "--step", "village_notice", "--date", "2022-09-03", "--as-of", "2022-09-03");
        Assert.Equal(1, reopenEarly.ExitCode);
        Assert.Contains("PROC-RELEASE-STEPS（004 #3）", reopenEarly.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_names_corrections_and_a_point_in_time_timeline_through_the_cli()
    {
        const string id = "610728-0002";
        var input = Path.Combine(_dir, "one.jsonl");
        var household = SampleHousehold.Create(id);
        household["region"]!["villageCode"] = "610728002001"; // another town: the other test's due and notice lists stay its own
        File.WriteAllText(input, SampleHousehold.Line(household) + "\n");
        Assert.Equal(0, Cli("import", "--input", input, "--as-of", "2021-12-31").ExitCode);
        (int, string, string) Case(params string[] args) => Cli(["case", .. args, "--household", id, .. args[0] == "show" ? Array.Empty<string>() : ["--by", "村干部王五"]]);

        Assert.Equal(0, Case("open", "--date", "2021-09-15", "--as-of", "2021-09-15", "--type", "脱贫不稳定户").Item1);
        var typo = Case("step", "--step", "发放风险预警告之书", "--date", "2021-09-15", "--as-of", "2021-09-15");
        Assert.Equal(1, typo.Item1);
        Assert.Contains("您是不是要输入 「发放风险预警告知书」（warning_notice）？", typo.Item3, StringComparison.Ordinal);
        Assert.Equal(0, Case("step", "--step", "发放风险预警告知书", "--date", "2021-09-15", "--as-of", "2021-09-15").Item1);
        Assert.Equal(0, Case("step", "--step", "入户核查", "--date", "2021-09-17", "--as-of", "2021-09-17").Item1);
        var entry = Sql.Count(_db.ConnectionString, $"SELECT id FROM case_log WHERE household_id = '{id}' AND payload->>'step' = 'home_verification'");

        var corrected = Case("correct", "--entry", $"{entry}", "--reason", "核查日期录错", "--date", "2021-09-16", "--as-of", "2021-09-20");
        Assert.True(corrected.Item1 == 0, corrected.Item3);
        var show = Case("show", "--as-of", "2021-09-20");
        Assert.True(show.Item1 == 0, show.Item3);
        Assert.Contains("2021-09-16  入户核查", show.Item2, StringComparison.Ordinal);
        Assert.DoesNotContain("2021-09-17  入户核查", show.Item2, StringComparison.Ordinal);
        Assert.Contains($"#{entry} ", show.Item2, StringComparison.Ordinal);
        Assert.Contains($"〔已由 #{entry + 1} 更正〕", show.Item2, StringComparison.Ordinal);
        Assert.Contains($"更正 #{entry}（原因：核查日期录错）", show.Item2, StringComparison.Ordinal);

        // As of 2021-09-15 the corrected step (2021-09-16) is not shown yet.
        var early = Case("show", "--as-of", "2021-09-15");
        Assert.Equal(0, early.Item1);
        Assert.DoesNotContain("2021-09-16  入户核查", early.Item2, StringComparison.Ordinal);
        Assert.Contains("认定，下一步「入户核查」", early.Item2, StringComparison.Ordinal);
        Assert.Contains("2021-09-15  发放风险预警告知书", early.Item2, StringComparison.Ordinal);
        Assert.Contains("条登记的日期晚于 2021-09-15，未列出", early.Item2, StringComparison.Ordinal);

        var voided = Case("void", "--entry", $"{entry}", "--reason", "未实际入户", "--as-of", "2021-09-20");
        Assert.True(voided.Item1 == 0, voided.Item3);
        var after = Case("show", "--as-of", "2021-09-20");
        Assert.DoesNotContain("2021-09-16  入户核查", after.Item2, StringComparison.Ordinal);
        Assert.Contains($"作废 #{entry}（原因：未实际入户）", after.Item2, StringComparison.Ordinal);
        var again = Case("void", "--entry", $"{entry}", "--reason", "再次", "--as-of", "2021-09-20");
        Assert.Equal(1, again.Item1);
        Assert.Contains("CASE-CORRECTION", again.Item3, StringComparison.Ordinal);
    }
}
