using System.Text.RegularExpressions;
using Monitoring.Rules.Loading;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Rules;

/// <summary>A broken rule file stops loading with an error that names the file and the rule.</summary>
public sealed class RuleLoaderErrorTests : IDisposable
{
    private readonly RulesDirectoryCopy _rules = new();

    public void Dispose() => _rules.Dispose();

    [Fact]
    public void The_shipped_rules_load()
    {
        var catalog = RuleCatalogLoader.Load(_rules.Path);
        Assert.Contains(catalog.Rules, r => r.Id == "INC-BELOW-LINE");
        Assert.Equal(5, catalog.Profiles.Count);
    }

    [Fact]
    public void Unknown_parameter_in_an_expression_names_file_and_rule()
    {
        _rules.Edit("workflows/10-risk.json", "p.Dec(\\\"sharpDropRatio\\\")", "p.Dec(\\\"sharpDropRatioX\\\")");
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("rules/workflows/10-risk.json", error.File);
        Assert.Equal("INC-SHARP-DROP", error.Item);
        Assert.Contains("sharpDropRatioX", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_without_source_is_refused()
    {
        var text = File.ReadAllText(Path.Combine(_rules.Path, "workflows/10-risk.json"));
        text = Regex.Replace(text, "\"source\": \"004_74b120e6d88ff1fb.txt #4\",", "");
        File.WriteAllText(Path.Combine(_rules.Path, "workflows/10-risk.json"), text);
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("INC-DECLINE-2Y", error.Item);
        Assert.Contains("source", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expression_that_does_not_compile_names_the_condition()
    {
        _rules.Edit("workflows/10-risk.json", "\"h.Housing.OnlyHouse\"", "\"h.Housing.OnlyHose\"");
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("HOU-DANGEROUS", error.Item);
        Assert.Contains("only-house", error.Message, StringComparison.Ordinal);
        Assert.Contains("无法编译", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_naming_a_missing_rule_is_refused()
    {
        File.AppendAllText(Path.Combine(_rules.Path, "profiles/sichuan-baofan-2022.yaml"), "disabledRules: [NO-SUCH-RULE]\n");
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("rules/profiles/sichuan-baofan-2022.yaml", error.File);
        Assert.Equal("NO-SUCH-RULE", error.Item);
    }

    [Fact]
    public void Parameter_file_setting_an_undefined_parameter_is_refused()
    {
        File.AppendAllText(Path.Combine(_rules.Path, "parameters/thresholds/cn.yaml"), "  madeUpLimit:\n    - from: 2021-01-01\n      value: 3\n      reference: nowhere\n");
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("rules/parameters/thresholds/cn.yaml", error.File);
        Assert.Equal("madeUpLimit", error.Item);
    }

    [Fact]
    public void Parameter_value_without_reference_is_refused()
    {
        _rules.Edit("parameters/monitoring-line/liaoning-2022.yaml", "      reference: \"辽宁省2022年防止返贫监测范围 7,260 元（rules-catalog.md「Published lines outside the seeds」）\"\n", "");
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("monitoringLine", error.Item);
        Assert.Contains("reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adjusted_working_day_that_is_not_a_weekend_is_refused()
    {
        _rules.Edit("calendars/cn/2021.yaml", "date: 2021-02-07", "date: 2021-02-08");
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("rules/calendars/cn/2021.yaml", error.File);
    }

    [Fact]
    public void Malformed_yaml_names_file_and_line()
    {
        File.WriteAllText(Path.Combine(_rules.Path, "profiles/chongqing-xiushan-2022.yaml"), "id: chongqing-xiushan-2022\nextends: [unclosed\n");
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("rules/profiles/chongqing-xiushan-2022.yaml", error.File);
        Assert.Contains("行", error.Item, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id: CASE-OPEN\n", "id: CASE-OPENED\n", "CASE-OPENED", "未知")]
    [InlineData("id: CASE-NOT-RELEASED\n", "id: CASE-OPEN\n", "CASE-OPEN", "重复")]
    [InlineData("source: \"household-format.md monitoringType\"\n", "source: \"\"\n", "CASE-MONITORING-TYPE", "source")]
    [InlineData("titleZh: 同一事项不重复登记\n", "titleZh: \" \"\n", "CASE-DUPLICATE", "titleZh")]
    public void A_broken_case_checks_file_names_the_file_and_the_check(string from, string to, string id, string reason)
    {
        _rules.Edit("case-checks.yaml", from, to);
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("rules/case-checks.yaml", error.File);
        Assert.Equal(id, error.Item);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"rules/case-checks.yaml: {id}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_check_left_out_of_the_file_is_named()
    {
        var path = Path.Combine(_rules.Path, "case-checks.yaml");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("  - id: CASE-ARGUMENTS", StringComparison.Ordinal);
        Assert.True(start > 0);
        File.WriteAllText(path, text[..start]);
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("rules/case-checks.yaml", error.File);
        Assert.Equal("CASE-ARGUMENTS", error.Item);
        Assert.Contains("缺少", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_case_checks_file_stops_loading_but_a_stored_rule_set_loads_without_it()
    {
        File.Delete(Path.Combine(_rules.Path, "case-checks.yaml"));
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("rules/case-checks.yaml", error.File);
        Assert.Empty(RuleCatalogLoader.LoadStored(_rules.Path).CaseChecks);
    }

    [Fact]
    public void A_profile_may_not_disable_a_rule_the_case_commands_refuse_by()
    {
        File.AppendAllText(Path.Combine(_rules.Path, "profiles/sichuan-baofan-2022.yaml"), "disabledRules: [PROC-NOTICE-SHORT]\n");
        var error = Assert.Throws<RuleLoadException>(() => RuleCatalogLoader.Load(_rules.Path));
        Assert.Equal("rules/profiles/sichuan-baofan-2022.yaml", error.File);
        Assert.Equal("PROC-NOTICE-SHORT", error.Item);
    }
}
