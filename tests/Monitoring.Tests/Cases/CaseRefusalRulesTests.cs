using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;
using Monitoring.Rules.Cases;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Loading;
using Monitoring.Tests.Support;
using static Monitoring.Tests.Cases.CaseRecords;

namespace Monitoring.Tests.Cases;

/// <summary>
/// A refused case command names the rule as the rule set defines it: a PROC-* refusal carries the catalogue rule's own
/// clause and title (rules/workflows), a CASE-* refusal its check's (rules/case-checks.yaml); editing the data moves them.
/// </summary>
public sealed class CaseRefusalRulesTests : IDisposable
{
    private readonly RulesDirectoryCopy _rules = new();

    public void Dispose() => _rules.Dispose();

    /// <summary>One refusal of every PROC-* rule the case commands enforce, under <paramref name="procedure"/>.</summary>
    private static Dictionary<string, CaseRejectedException> ProcedureRefusals(CaseProcedure procedure)
    {
        CaseRejectedException Refused(HouseholdRecord household, CaseCommand command, string today) =>
            Assert.Throws<CaseRejectedException>(() => procedure.Apply(household, command, D(today)));

        var identifying = Run(procedure, Sample(), Open("2021-09-01"), Step("warning_notice", "2021-09-01"), Step("home_verification", "2021-09-01"),
            Step("consent", "2021-09-01"), Step("data_comparison", "2021-09-01"), Step("village_review", "2021-09-02"));
        var included = Included("2021-09-01", "2021-09-12");
        return new Dictionary<string, CaseRejectedException>(StringComparer.Ordinal)
        {
            [CaseRuleIds.StepOrder] = Refused(Run(procedure, Sample(), Open("2021-09-01")), Step("data_comparison", "2021-09-02"), "2021-09-02"),
            [CaseRuleIds.NoticeShort] = Refused(identifying, Step("public_notice", "2021-09-02", "2021-09-05"), "2021-09-02"),
            [CaseRuleIds.ReleaseSteps] = Refused(included, Release("town_recheck", "2022-03-08"), "2022-03-08"),
            [CaseRuleIds.ReleaseNoticeShort] = Refused(included, Release("village_notice", "2022-03-01", "2022-03-04"), "2022-03-10"),
        };
    }

    [Fact]
    public void Each_proc_refusal_carries_exactly_the_catalogue_rules_clause_and_title()
    {
        foreach (var profile in SharedCatalog.Instance.Profiles.Keys)
        {
            var ruleSet = SharedCatalog.Instance.ForProfile(profile);
            var refusals = ProcedureRefusals(new CaseProcedure(ruleSet));
            Assert.Equal(CaseRuleIds.CatalogueRules.Where(id => id != CaseRuleIds.ReleasePremature).Order(StringComparer.Ordinal), refusals.Keys.Order(StringComparer.Ordinal));
            foreach (var (id, refusal) in refusals)
            {
                var rule = ruleSet.Rules.Single(r => r.Id == id);
                Assert.Equal(id, refusal.Rule.Id);
                Assert.Equal(SourceClauses.Shorten(rule.Source), refusal.Rule.Clause);
                Assert.Equal(rule.TitleZh, refusal.Rule.TitleZh);
                Assert.StartsWith($"{id}（{SourceClauses.Shorten(rule.Source)}）：", refusal.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(".txt", refusal.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_case_check_refusal_carries_the_clause_and_title_of_its_entry_in_the_file()
    {
        var ruleSet = SharedCatalog.Instance.ForProfile(Zhenba);
        var refusal = Assert.Throws<CaseRejectedException>(() => new CaseProcedure(ruleSet).Apply(Sample(), Open("2021-09-02"), D("2021-09-01")));
        var check = ruleSet.CaseChecks[CaseRuleIds.FutureDate];
        Assert.Equal(new CaseRule(check.Id, SourceClauses.Shorten(check.Source), check.TitleZh), refusal.Rule);
        Assert.StartsWith($"CASE-DATE-FUTURE（{check.Source}）：", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_table_of_docs_cases_md_gives_each_rules_clause_as_the_rule_set_has_it()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "cases.md"));
        var rules = new CaseProcedure(SharedCatalog.Instance.ForProfile(Zhenba)).Rules;
        var missing = CaseRuleIds.CatalogueRules.Where(id => id != CaseRuleIds.ReleasePremature).Concat(CaseRuleIds.Checks)
            .Select(rules.Get)
            .Where(rule => !doc.Contains($"\n| {rule.Id} | {rule.Clause} |", StringComparison.Ordinal))
            .Select(rule => $"{rule.Id}（{rule.Clause}）")
            .ToList();
        Assert.True(missing.Count == 0, "docs/cases.md lacks: " + string.Join("、", missing));
    }

    [Fact]
    public void Editing_a_rules_source_and_title_or_a_checks_clause_moves_the_refusal()
    {
        _rules.Edit("workflows/30-procedure.json", "\"titleZh\": \"村内公示不足规定天数\"", "\"titleZh\": \"村内公示天数不足（改）\"");
        _rules.Edit("workflows/30-procedure.json", "\"source\": \"001_1f8f6f79665227f8.txt 附#49\"", "\"source\": \"001_1f8f6f79665227f8.txt 附#48\"");
        _rules.Edit("case-checks.yaml", "source: \"004_74b120e6d88ff1fb.txt #3\"\n    titleZh: 回访在县级公告风险消除之后进行", "source: \"004_74b120e6d88ff1fb.txt #2\"\n    titleZh: 回访在县级公告风险消除之后进行");
        var procedure = new CaseProcedure(RuleCatalogLoader.Load(_rules.Path).ForProfile(Zhenba));

        var notice = ProcedureRefusals(procedure)[CaseRuleIds.NoticeShort];
        Assert.Equal(new CaseRule("PROC-NOTICE-SHORT", "001 附#48", "村内公示天数不足（改）"), notice.Rule);
        Assert.StartsWith("PROC-NOTICE-SHORT（001 附#48）：村内公示 2021-09-02 至 2021-09-05 共 4 天", notice.Message, StringComparison.Ordinal);

        var released = Run(procedure, Included("2021-09-01", "2021-09-12"),
            Release("village_notice", "2022-03-01", "2022-03-07"), Release("town_recheck", "2022-03-08"),
            Release("department_review", "2022-03-10"), Release("county_announcement", "2022-03-15"));
        var revisit = Assert.Throws<CaseRejectedException>(() => procedure.Apply(released, Simple(CaseCommand.Revisit, "2022-03-15"), D("2022-03-20")));
        Assert.StartsWith("CASE-NOT-RELEASED（004 #2）：", revisit.Message, StringComparison.Ordinal);
    }
}
