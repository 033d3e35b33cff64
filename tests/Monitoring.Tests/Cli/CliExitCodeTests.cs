using Monitoring.Tests.Support;

namespace Monitoring.Tests.Cli;

/// <summary>The CLI's contract: 0 all good, 2 some records rejected (valid ones still evaluated), 1 fatal; no stack traces.</summary>
public sealed class CliExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("monitoring-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Valid_input_exits_0_with_findings_on_stdout_and_a_chinese_summary_on_stderr()
    {
        var household = SampleHousehold.Create();
        household["incomes"]![0]!["wage"] = 17997;
        var input = Write("ok.jsonl", SampleHousehold.Line(household));
        var (code, stdout, stderr) = CliProcess.Run("evaluate", "--input", input, "--as-of", "2021-11-30");
        Assert.Equal(0, code);
        Assert.Contains("\"ruleId\":\"INC-BELOW-LINE\"", stdout, StringComparison.Ordinal);
        Assert.Contains("读取农户 1 户", stderr, StringComparison.Ordinal);
        Assert.Contains("监测对象候选 1 户", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejected_records_exit_2_and_valid_ones_are_still_evaluated()
    {
        var bad = SampleHousehold.Create("610728-0009");
        bad["members"]![0]!["idNumber"] = "610728198001011234";
        var input = Write("mixed.jsonl", SampleHousehold.Line(SampleHousehold.Create()), SampleHousehold.Line(bad));
        var output = Path.Combine(_dir, "out.jsonl");
        var (code, _, stderr) = CliProcess.Run("evaluate", "--input", input, "--as-of", "2021-11-30", "--output", output);
        Assert.Equal(2, code);
        Assert.Contains("line 2: members[0].idNumber:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("610728198001011234", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Contains("评估 1 户", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Missing_input_file_exits_1_with_one_clear_line()
    {
        var (code, _, stderr) = CliProcess.Run("evaluate", "--input", Path.Combine(_dir, "nope.jsonl"), "--as-of", "2021-11-30");
        Assert.Equal(1, code);
        Assert.Contains("找不到输入文件", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_as_of_exits_1()
    {
        var input = Write("ok.jsonl", SampleHousehold.Line(SampleHousehold.Create()));
        var (code, _, stderr) = CliProcess.Run("evaluate", "--input", input, "--as-of", "30/11/2021");
        Assert.Equal(1, code);
        Assert.Contains("--as-of", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_profile_exits_1_and_lists_the_profiles()
    {
        var input = Write("ok.jsonl", SampleHousehold.Line(SampleHousehold.Create()));
        var (code, _, stderr) = CliProcess.Run("evaluate", "--input", input, "--as-of", "2021-11-30", "--profile", "atlantis");
        Assert.Equal(1, code);
        Assert.Contains("shaanxi-zhenba-2021", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_rule_directory_exits_1_naming_the_file()
    {
        var rules = Path.Combine(_dir, "rules");
        foreach (var file in Directory.EnumerateFiles(TestPaths.Rules, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(rules, Path.GetRelativePath(TestPaths.Rules, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(rules, "workflows", "10-risk.json"), "{ \"WorkflowName\": \"risk\", \"Rules\": [ ");
        var input = Write("ok.jsonl", SampleHousehold.Line(SampleHousehold.Create()));
        var (code, _, stderr) = CliProcess.Run("evaluate", "--input", input, "--as-of", "2021-11-30", "--rules", rules);
        Assert.Equal(1, code);
        Assert.Contains("rules/workflows/10-risk.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_shows_why_a_rule_did_not_fire_with_the_margin()
    {
        var input = Write("ok.jsonl", SampleHousehold.Line(SampleHousehold.Create()));
        var (code, stdout, _) = CliProcess.Run("explain", "--input", input, "--household", "610728-0001", "--as-of", "2021-11-30");
        Assert.Equal(0, code);
        Assert.Contains("【未触发】INC-BELOW-LINE", stdout, StringComparison.Ordinal);
        Assert.Contains("shortfall = -0.67", stdout, StringComparison.Ordinal);
        Assert.Contains("610728********1233", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("610728198001011233", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_lists_the_catalogue_with_parameters_in_force()
    {
        var (code, stdout, _) = CliProcess.Run("rules", "--profile", "chongqing-xiushan-2022", "--as-of", "2022-06-30");
        Assert.Equal(0, code);
        Assert.Contains("PROC-PLAN-OVERDUE", stdout, StringComparison.Ordinal);
        Assert.Contains("planWorkingDays", stdout, StringComparison.Ordinal);
        Assert.Contains("months:3,8,11", stdout, StringComparison.Ordinal);
    }
}
