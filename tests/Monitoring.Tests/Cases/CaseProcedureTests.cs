using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;
using Monitoring.Rules.Cases;
using Monitoring.Tests.Support;
using static Monitoring.Tests.Cases.CaseRecords;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;

namespace Monitoring.Tests.Cases;

/// <summary>The case state machine: the documented procedure is accepted, every impossible step refused with the rule and its clause.</summary>
public sealed class CaseProcedureTests
{
    private static CaseRejectedException Refused(HouseholdRecord household, CaseCommand command, string today, string profile = Zhenba) =>
        Assert.Throws<CaseRejectedException>(() => Procedure(profile).Apply(household, command, D(today)));

    [Fact]
    public void The_whole_procedure_includes_then_releases_and_changes_the_category()
    {
        var household = Included("2021-09-01", "2021-09-12");
        Assert.Equal("monitored", household.Category);
        Assert.Equal("unstable", household.MonitoringType);
        Assert.Equal(CaseState.Included, CaseStates.Of(household.Case));

        var procedure = Procedure();
        household = Run(procedure, household,
            Simple(CaseCommand.Helper, "2021-09-15", helper: "王五"),
            Simple(CaseCommand.Plan, "2021-09-16"),
            Simple(CaseCommand.Measure, "2021-09-20", kind: "employment"),
            Simple(CaseCommand.Visit, "2021-10-08"),
            Release("village_notice", "2022-03-01", "2022-03-07"),
            Release("town_recheck", "2022-03-08"),
            Release("department_review", "2022-03-10"),
            Release("county_announcement", "2022-03-15"),
            Simple(CaseCommand.Revisit, "2022-09-01"));

        Assert.Equal(CaseState.Released, CaseStates.Of(household.Case));
        Assert.Equal("lifted", household.Category); // 脱贫不稳定户 returns to 脱贫户
        Assert.Null(household.MonitoringType);
        Assert.Equal([D("2022-09-01")], household.Case!.Release!.Revisits);
        Assert.Equal("王五", household.Helper!.Name);
        Assert.Equal(D("2021-09-16"), household.Case.PlanOn);
    }

    [Fact]
    public void A_marginal_household_released_becomes_an_ordinary_household_again()
    {
        var household = Included("2021-09-01", "2021-09-12", type: "marginal");
        household = Run(Procedure(), household,
            Release("village_notice", "2022-03-01", "2022-03-07"), Release("town_recheck", "2022-03-08"),
            Release("department_review", "2022-03-10"), Release("county_announcement", "2022-03-15"));
        Assert.Equal("ordinary", household.Category);
    }

    [Fact]
    public void Applying_a_command_never_changes_the_version_it_started_from()
    {
        var before = Sample();
        var hash = CanonicalRecord.Hash(CanonicalRecord.Bytes(before));
        var after = Procedure().Apply(before, Open("2021-09-01"), D("2021-09-01"));
        Assert.Equal(hash, CanonicalRecord.Hash(CanonicalRecord.Bytes(before)));
        Assert.NotEqual(hash, CanonicalRecord.Hash(CanonicalRecord.Bytes(after)));
        Assert.Equal(D("2021-09-01"), after.Case!.OpenedOn);
        Assert.Equal("candidate", after.Case.Trigger);
    }

    [Fact]
    public void A_step_out_of_order_is_refused_naming_row_78()
    {
        var household = Run(Procedure(), Sample(), Open("2021-09-01"), Step("warning_notice", "2021-09-01"));
        var ex = Refused(household, Step("data_comparison", "2021-09-02"), "2021-09-02");
        Assert.StartsWith("PROC-STEP-ORDER（000 row 78）：", ex.Message, StringComparison.Ordinal);
        Assert.Contains("入户核查", ex.Message, StringComparison.Ordinal);
        Assert.Contains("承诺授权", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_of_one_stage_may_come_in_either_order_under_zhenba_but_not_nationally()
    {
        string[] before = ["warning_notice", "home_verification", "consent", "data_comparison"];
        var commands = before.Select(s => Step(s, "2021-09-02")).Prepend(Open("2021-09-01")).ToArray();

        // 000 row 78: 开展村级民主评议及公示 is one step in Zhenba.
        var zhenba = Run(Procedure(), Sample(), commands);
        var noticed = Procedure().Apply(zhenba, Step("public_notice", "2021-09-03", "2021-09-07"), D("2021-09-03"));
        Assert.Contains(noticed.Case!.Inclusion!, s => s.Step == "public_notice");

        var national = Run(Procedure("cn-national"), Sample(), commands);
        var ex = Refused(national, Step("public_notice", "2021-09-03", "2021-09-07"), "2021-09-03", "cn-national");
        Assert.Contains("村级民主评议", ex.Message, StringComparison.Ordinal);
        Assert.Equal("PROC-STEP-ORDER", ex.Rule.Id);
    }

    [Fact]
    public void A_date_after_today_is_refused()
    {
        var ex = Refused(Sample(), Open("2021-09-02"), "2021-09-01");
        Assert.StartsWith("CASE-DATE-FUTURE（", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2021-09-02 晚于当天 2021-09-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_before_the_previous_step_is_refused()
    {
        var household = Run(Procedure(), Sample(), Open("2021-09-01"), Step("warning_notice", "2021-09-03"));
        var ex = Refused(household, Step("home_verification", "2021-09-02"), "2021-09-10");
        Assert.StartsWith("PROC-STEP-ORDER（000 row 78）：", ex.Message, StringComparison.Ordinal);
        Assert.Contains("早于前一步骤「发放风险预警告知书」的日期 2021-09-03", ex.Message, StringComparison.Ordinal);

        var beforeOpening = Refused(Run(Procedure(), Sample(), Open("2021-09-05")), Step("warning_notice", "2021-09-04"), "2021-09-10");
        Assert.Contains("早于立案日期 2021-09-05", beforeOpening.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_notice_shorter_than_the_profile_minimum_is_refused_naming_49()
    {
        var household = Run(Procedure(), Sample(), Open("2021-09-01"), Step("warning_notice", "2021-09-01"), Step("home_verification", "2021-09-01"),
            Step("consent", "2021-09-01"), Step("data_comparison", "2021-09-01"), Step("village_review", "2021-09-02"));
        var ex = Refused(household, Step("public_notice", "2021-09-02", "2021-09-05"), "2021-09-02");
        Assert.Equal("PROC-NOTICE-SHORT（001 附#49）：村内公示 2021-09-02 至 2021-09-05 共 4 天，少于规定的 5 天（含首尾两天）", ex.Message);

        var noUntil = Refused(household, Step("public_notice", "2021-09-02"), "2021-09-02");
        Assert.Equal("PROC-NOTICE-SHORT", noUntil.Rule.Id);

        // Five days counting both ends is enough; the town review must wait until the notice has run.
        var noticed = Procedure().Apply(household, Step("public_notice", "2021-09-02", "2021-09-06"), D("2021-09-02"));
        var early = Refused(noticed, Step("town_review", "2021-09-06"), "2021-09-06");
        Assert.Equal("PROC-NOTICE-SHORT", early.Rule.Id);
        Assert.Equal(CaseState.Identifying, CaseStates.Of(Procedure().Apply(noticed, Step("town_review", "2021-09-07"), D("2021-09-07")).Case));
    }

    [Fact]
    public void County_approval_without_town_review_is_refused()
    {
        var household = Run(Procedure(), Sample(), Open("2021-09-01"), Step("warning_notice", "2021-09-01"), Step("home_verification", "2021-09-01"),
            Step("consent", "2021-09-01"), Step("data_comparison", "2021-09-01"), Step("village_review", "2021-09-02"), Step("public_notice", "2021-09-02", "2021-09-06"));
        var ex = Refused(household, Step("county_approval", "2021-09-08"), "2021-09-08");
        Assert.Equal("PROC-STEP-ORDER（000 row 78）：县级审定公告前须经镇（办）审核：尚未登记「镇（办）审核」", ex.Message);
    }

    [Fact]
    public void County_approval_needs_a_monitoring_type()
    {
        var household = Included("2021-09-01", "2021-09-12");
        Assert.Equal("unstable", household.MonitoringType);
        var withoutType = Run(Procedure(), Sample(), Open("2021-09-01", type: null), Step("warning_notice", "2021-09-01"), Step("home_verification", "2021-09-01"),
            Step("consent", "2021-09-01"), Step("data_comparison", "2021-09-01"), Step("village_review", "2021-09-02"), Step("public_notice", "2021-09-02", "2021-09-06"),
            Step("town_review", "2021-09-07"));
        Assert.Equal("CASE-MONITORING-TYPE", Refused(withoutType, Step("county_approval", "2021-09-08"), "2021-09-08").Rule.Id);
        var typed = Procedure().Apply(withoutType, Step("county_approval", "2021-09-08", type: "hardship"), D("2021-09-08"));
        Assert.Equal("hardship", typed.MonitoringType);
    }

    [Fact]
    public void A_release_step_on_a_case_never_included_is_refused_naming_004_3()
    {
        var identifying = Run(Procedure(), Sample(), Open("2021-09-01"), Step("warning_notice", "2021-09-01"));
        var ex = Refused(identifying, Release("village_notice", "2021-09-05"), "2021-09-05");
        Assert.StartsWith("PROC-RELEASE-STEPS（004 #3）：该户未经县级审定纳入监测", ex.Message, StringComparison.Ordinal);
        Assert.Equal("PROC-RELEASE-STEPS", Refused(Sample(), Release("village_notice", "2021-09-05"), "2021-09-05").Rule.Id);
    }

    [Fact]
    public void Release_steps_keep_the_four_step_order()
    {
        var household = Run(Procedure(), Included("2021-09-01", "2021-09-12"), Release("village_notice", "2022-03-01", "2022-03-07"));
        var ex = Refused(household, Release("department_review", "2022-03-05"), "2022-03-05");
        Assert.Equal("PROC-RELEASE-STEPS（004 #3）：须先完成「镇复核」，才能登记「部门审定」", ex.Message);
        Assert.Equal("PROC-RELEASE-STEPS", Refused(household, Release("town_recheck", "2022-02-28"), "2022-03-05").Rule.Id);
    }

    [Fact]
    public void Other_impossible_commands_are_refused()
    {
        var included = Included("2021-09-01", "2021-09-12");
        Assert.Equal("CASE-OPEN", Refused(included, Open("2021-10-01"), "2021-10-01").Rule.Id);
        Assert.Equal("CASE-OPEN", Refused(Sample(), Step("warning_notice", "2021-10-01"), "2021-10-01").Rule.Id);
        Assert.Equal("PROC-STEP-ORDER", Refused(included, Step("warning_notice", "2021-10-01"), "2021-10-01").Rule.Id);
        Assert.Equal("CASE-NOT-INCLUDED", Refused(Sample(), Simple(CaseCommand.Plan, "2021-10-01"), "2021-10-01").Rule.Id);
        Assert.Equal("CASE-NOT-INCLUDED", Refused(included, Simple(CaseCommand.Measure, "2021-09-11", kind: "industry"), "2021-10-01").Rule.Id);
        Assert.Equal("CASE-ARGUMENTS", Refused(included, Simple(CaseCommand.Measure, "2021-09-20", kind: "cash"), "2021-10-01").Rule.Id);
        Assert.Equal("CASE-NOT-RELEASED", Refused(included, Simple(CaseCommand.Revisit, "2021-10-01"), "2021-10-01").Rule.Id);
        Assert.Equal("CASE-DUPLICATE", Refused(included, Simple(CaseCommand.Helper, "2021-10-01", helper: "李四"), "2021-10-01").Rule.Id);
        Assert.Equal("PROC-STEP-ORDER", Refused(included, Simple(CaseCommand.Helper, "2020-12-01", helper: "王五"), "2021-10-01").Rule.Id);
        var visited = Procedure().Apply(included, Simple(CaseCommand.Visit, "2021-10-01"), D("2021-10-01"));
        Assert.Equal("CASE-DUPLICATE", Refused(visited, Simple(CaseCommand.Visit, "2021-10-01"), "2021-10-01").Rule.Id);
    }

    [Fact]
    public void A_released_household_can_be_opened_again_and_a_declaration_is_recorded_as_an_event()
    {
        var released = Run(Procedure(), Included("2021-09-01", "2021-09-12"),
            Release("village_notice", "2022-03-01", "2022-03-07"), Release("town_recheck", "2022-03-08"),
            Release("department_review", "2022-03-10"), Release("county_announcement", "2022-03-15"));
        Assert.Equal("CASE-OPEN", Refused(released, Open("2022-03-14"), "2022-04-01").Rule.Id);
        var reopened = Procedure().Apply(released, Open("2022-05-01", type: null, trigger: "self_declared"), D("2022-05-01"));
        Assert.Equal(CaseState.Identifying, CaseStates.Of(reopened.Case));
        Assert.Contains(reopened.Events!, e => e.Kind == "self_declared" && e.Date == D("2022-05-01"));
    }

    [Fact]
    public void Every_refusal_rule_names_a_clause()
    {
        var ids = CaseRuleIds.CatalogueRules.Concat(CaseRuleIds.Checks).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var profile in SharedCatalog.Instance.Profiles.Keys)
        {
            var rules = Procedure(profile).Rules;
            Assert.All(ids, id =>
            {
                var rule = rules.Get(id);
                Assert.Equal(id, rule.Id);
                Assert.False(string.IsNullOrWhiteSpace(rule.Clause));
                Assert.False(string.IsNullOrWhiteSpace(rule.TitleZh));
            });
        }
    }
}
