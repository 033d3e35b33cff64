using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;
using static Monitoring.Tests.Cases.CaseRecords;

namespace Monitoring.Tests.Cases;

/// <summary>Release steps get the checks inclusion steps get: order, dates, the village notice's length, the town recheck after the notice.</summary>
public sealed class ReleaseStepChecksTests
{
    private static readonly HouseholdRecord IncludedHousehold = Included("2021-09-01", "2021-09-12");

    private static CaseRejectedException Refused(HouseholdRecord household, CaseCommand command, string today) =>
        Assert.Throws<CaseRejectedException>(() => Procedure().Apply(household, command, D(today)));

    [Fact]
    public void A_release_step_out_of_order_is_refused()
    {
        var ex = Refused(IncludedHousehold, Release("town_recheck", "2022-03-08"), "2022-03-08");
        Assert.Equal("PROC-RELEASE-STEPS（004 #3）：须先完成「村公示」，才能登记「镇复核」", ex.Message);
    }

    [Fact]
    public void A_release_step_dated_in_the_future_is_refused()
    {
        var ex = Refused(IncludedHousehold, Release("village_notice", "2022-03-02", "2022-03-08"), "2022-03-01");
        Assert.Equal("CASE-DATE-FUTURE", ex.Rule.Id);
        Assert.Contains("晚于当天 2022-03-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_step_dated_before_the_previous_step_is_refused()
    {
        var noticed = Run(Procedure(), IncludedHousehold, Release("village_notice", "2022-03-01", "2022-03-05"), Release("town_recheck", "2022-03-08"));
        var ex = Refused(noticed, Release("department_review", "2022-03-07"), "2022-03-10");
        Assert.Equal("PROC-RELEASE-STEPS（004 #3）：「部门审定」的日期 2022-03-07 早于前一步骤「镇复核」的日期 2022-03-08", ex.Message);
        var beforeApproval = Refused(IncludedHousehold, Release("village_notice", "2021-09-10", "2021-09-20"), "2021-09-30");
        Assert.Contains("早于县级审定纳入日期 2021-09-12", beforeApproval.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_four_day_village_notice_is_refused_and_five_days_are_accepted()
    {
        var ex = Refused(IncludedHousehold, Release("village_notice", "2022-03-01", "2022-03-04"), "2022-03-10");
        Assert.Equal("PROC-RELEASE-NOTICE-SHORT", ex.Rule.Id);
        Assert.Contains("共 4 天，少于规定的 5 天", ex.Message, StringComparison.Ordinal);
        var accepted = Procedure().Apply(IncludedHousehold, Release("village_notice", "2022-03-01", "2022-03-05"), D("2022-03-10"));
        Assert.Equal(D("2022-03-05"), accepted.Case!.Release!.Steps![0].Until);
        Assert.Equal("PROC-RELEASE-NOTICE-SHORT", Refused(IncludedHousehold, Release("village_notice", "2022-03-01"), "2022-03-10").Rule.Id);
    }

    [Fact]
    public void A_town_recheck_during_the_notice_is_refused_and_the_day_after_accepted()
    {
        var noticed = Procedure().Apply(IncludedHousehold, Release("village_notice", "2022-03-01", "2022-03-07"), D("2022-03-01"));
        var onLastDay = Refused(noticed, Release("town_recheck", "2022-03-07"), "2022-03-07");
        Assert.Equal("PROC-RELEASE-NOTICE-SHORT", onLastDay.Rule.Id);
        Assert.Contains("村公示至 2022-03-07 才期满", onLastDay.Message, StringComparison.Ordinal);
        var after = Procedure().Apply(noticed, Release("town_recheck", "2022-03-08"), D("2022-03-08"));
        Assert.Equal(CaseState.Releasing, CaseStates.Of(after.Case));
    }

    [Fact]
    public void Steps_and_measures_are_accepted_by_their_chinese_names()
    {
        var household = Run(Procedure(), Sample(), Open("2021-09-01"), Step("发放风险预警告知书", "2021-09-01"));
        Assert.Equal("warning_notice", household.Case!.Inclusion![0].Step);
        var measured = Procedure().Apply(IncludedHousehold, Simple(CaseCommand.Measure, "2021-09-20", kind: "医疗"), D("2021-09-20"));
        Assert.Equal("medical", measured.Case!.Measures!.Single().Kind);
        var released = Procedure().Apply(IncludedHousehold, Release("村公示", "2022-03-01", "2022-03-05"), D("2022-03-05"));
        Assert.Equal("village_notice", released.Case!.Release!.Steps![0].Step);
    }

    [Fact]
    public void A_mistyped_name_gets_did_you_mean()
    {
        var opened = Run(Procedure(), Sample(), Open("2021-09-01"));
        var ex = Refused(opened, Step("发放风险预警告知", "2021-09-01"), "2021-09-01");
        Assert.Equal("CASE-ARGUMENTS", ex.Rule.Id);
        Assert.Contains("您是不是要输入 「发放风险预警告知书」（warning_notice）？", ex.Message, StringComparison.Ordinal);
        var code = Refused(opened, Step("warning_notise", "2021-09-01"), "2021-09-01");
        Assert.Contains("「warning_notise」不是有效的纳入程序步骤；您是不是要输入 「发放风险预警告知书」（warning_notice）？", code.Message, StringComparison.Ordinal);
        var kind = Refused(IncludedHousehold, Simple(CaseCommand.Measure, "2021-09-20", kind: "medicall"), "2021-09-20");
        Assert.Contains("您是不是要输入 「医疗帮扶」（medical）？", kind.Message, StringComparison.Ordinal);
        var nothingNear = Refused(IncludedHousehold, Simple(CaseCommand.Measure, "2021-09-20", kind: "cash"), "2021-09-20");
        Assert.Contains("应为以下之一：industry（产业帮扶）", nothingNear.Message, StringComparison.Ordinal);
    }
}
