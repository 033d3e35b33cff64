using Monitoring.Engine.Cases;
using Monitoring.Tests.Support;
using static Monitoring.Tests.Cases.CaseRecords;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;

namespace Monitoring.Tests.Cases;

/// <summary>Deadlines on the State Council calendar across National Day 2021 and Spring Festival 2022, and the due list built from them.</summary>
public sealed class DeadlineTests
{
    private static ObligationCalculator Calculator(string profile = Zhenba) => new(SharedCatalog.Instance.ForProfile(profile));

    private static Obligation Find(IEnumerable<Obligation> obligations, string kind) => Assert.Single(obligations, o => o.Kind == kind);

    [Fact]
    public void Helper_and_plan_across_National_Day_2021_count_the_adjusted_Saturday()
    {
        // Approved Tue 28 Sep: 29, 30 (2); 1–7 Oct holiday; Fri 8 (3); Sat 9 worked (4); 11–15 (9); Mon 18 (10).
        var household = Included("2021-09-17", "2021-09-28");
        var obligations = Calculator().For(household, D("2021-10-12"));
        var helper = Find(obligations, "helper");
        Assert.Equal(D("2021-10-18"), helper.Due);
        Assert.Equal(ObligationStatus.Met, helper.Status); // the sample household's helper was assigned before inclusion
        var plan = Find(obligations, "plan");
        Assert.Equal(D("2021-10-18"), plan.Due);
        Assert.Equal(ObligationStatus.Open, plan.Status);
        Assert.Equal("还剩 6 天", plan.StatusZh(D("2021-10-12")));
        Assert.Contains("第 10 个工作日", plan.BasisZh, StringComparison.Ordinal);

        var late = Calculator().For(household, D("2021-10-19"));
        Assert.Equal(ObligationStatus.Overdue, Find(late, "plan").Status);
        Assert.Equal("已逾期 1 天", Find(late, "plan").StatusZh(D("2021-10-19")));

        var planned = Procedure().Apply(household, Simple(CaseCommand.Plan, "2021-10-18"), D("2021-10-18"));
        Assert.Equal(ObligationStatus.Met, Find(Calculator().For(planned, D("2021-10-19")), "plan").Status);
        var plannedLate = Procedure().Apply(household, Simple(CaseCommand.Plan, "2021-10-19"), D("2021-10-19"));
        Assert.Equal(ObligationStatus.MetLate, Find(Calculator().For(plannedLate, D("2021-10-20")), "plan").Status);
    }

    [Fact]
    public void Helper_and_plan_across_Spring_Festival_2022_count_the_adjusted_weekend()
    {
        // Approved Mon 24 Jan: 25–28 (4); Sat 29 and Sun 30 worked (6); 31 Jan–6 Feb holiday; 7–10 Feb (10).
        var household = Included("2022-01-10", "2022-01-24", profile: "chongqing-xiushan-2022");
        var plan = Find(Calculator("chongqing-xiushan-2022").For(household, D("2022-01-28")), "plan");
        Assert.Equal(D("2022-02-10"), plan.Due);
        Assert.Equal(ObligationStatus.Open, plan.Status);
    }

    [Fact]
    public void Identification_measure_visit_and_revisit_deadlines()
    {
        var procedure = Procedure();
        var identifying = Run(procedure, Sample(), Open("2021-09-01"), Step("warning_notice", "2021-09-01"));
        var ident = Find(Calculator().For(identifying, D("2021-09-10")), "identification");
        Assert.Equal(D("2021-09-16"), ident.Due); // opened + 15 calendar days (001 #49)
        Assert.Contains("入户核查", ident.TitleZh, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Overdue, Find(Calculator().For(identifying, D("2021-09-17")), "identification").Status);

        var included = Included("2021-09-01", "2021-09-12");
        var obligations = Calculator().For(included, D("2021-11-05"));
        Assert.Equal(D("2021-10-12"), Find(obligations, "measure").Due); // one month after approval (000 row 83)
        Assert.Equal(ObligationStatus.Overdue, Find(obligations, "measure").Status);
        var visits = obligations.Where(o => o.Kind == "monitored-visit").ToList();
        Assert.Equal([D("2021-10-31"), D("2021-11-30")], visits.Select(v => v.Due));
        Assert.Equal([ObligationStatus.Met, ObligationStatus.Open], visits.Select(v => v.Status)); // the sample was visited on 10 Oct
        Assert.Equal(D("2021-10-10"), visits[0].DoneOn);
        var notVisited = Calculator().For(included, D("2021-12-05")).Where(o => o.Kind == "monitored-visit").ToList();
        Assert.Equal([ObligationStatus.Overdue, ObligationStatus.Open], notVisited.Select(v => v.Status));

        var released = Run(procedure, included, Release("village_notice", "2022-03-01", "2022-03-07"), Release("town_recheck", "2022-03-08"),
            Release("department_review", "2022-03-10"), Release("county_announcement", "2022-03-15"));
        var revisit = Find(Calculator().For(released, D("2022-09-16")), "revisit");
        Assert.Equal(D("2022-09-15"), revisit.Due); // six months after the announcement (004 #3)
        Assert.Equal(ObligationStatus.Overdue, revisit.Status);
        Assert.DoesNotContain(Calculator().For(released, D("2022-09-16")), o => o.Kind == "monitored-visit");
    }

    [Fact]
    public void Xiushan_visits_lifted_households_in_March_August_and_November()
    {
        var lifted = Sample(); // lifted, helper assigned 2021-01-05
        var obligations = Calculator("chongqing-xiushan-2022").For(lifted, D("2022-06-10")).Where(o => o.Kind == "lifted-visit").ToList();
        Assert.Equal([D("2022-03-31"), D("2022-08-31")], obligations.Select(o => o.Due));
        Assert.Equal(ObligationStatus.Overdue, obligations[0].Status);
        Assert.Equal(ObligationStatus.Open, obligations[1].Status);
    }

    [Fact]
    public void A_declared_risk_without_a_case_is_due_for_a_case_after_the_grace_period()
    {
        var household = Sample();
        household.Events = [new Monitoring.Engine.Records.EventRecord { Date = D("2022-05-01"), Kind = "self_declared" }];
        var candidate = Find(Calculator("cn-national").For(household, D("2022-05-20")), "candidate-case");
        Assert.Equal(D("2022-05-16"), candidate.Due);
        Assert.Equal(ObligationStatus.Overdue, candidate.Status);
        Assert.Equal("PROC-CANDIDATE-NO-CASE", candidate.RuleId);
    }

    [Fact]
    public void The_due_list_puts_overdue_first_then_by_deadline_and_leaves_out_what_is_met_or_far_off()
    {
        var asOf = D("2021-10-12");
        var late = Run(Procedure(), Sample("610728-0002"), Open("2021-09-01"));
        var soon = Included("2021-09-17", "2021-09-28");
        var all = Calculator().For(late, asOf).Concat(Calculator().For(soon, asOf)).ToList();
        var due = DueList.Select(all, asOf, 7);
        Assert.Equal(ObligationStatus.Overdue, due[0].Status);
        Assert.Equal("610728-0002", due[0].HouseholdId);
        Assert.Equal("identification", due[0].Kind);
        Assert.All(due.Skip(1), o => Assert.True(o.Status == ObligationStatus.Open && o.Due <= asOf.AddDays(7)));
        Assert.Equal(due.Skip(1).Select(o => o.Due).Order(), due.Skip(1).Select(o => o.Due));
        Assert.DoesNotContain(due, o => o.Kind == "measure"); // 28 Oct, beyond 7 days
        Assert.DoesNotContain(due, o => o.Kind == "helper"); // already met
        Assert.Contains(DueList.Select(all, asOf, 30), o => o.Kind == "measure");
    }

    [Fact]
    public void A_deadline_in_a_year_without_a_holiday_notice_is_computed_provisionally_and_marked()
    {
        var household = Included("2026-12-10", "2026-12-24");
        var plan = Find(Calculator().For(household, D("2026-12-28")), "plan");
        Assert.Equal(D("2027-01-08"), plan.Due); // 元旦 2027 statutory; 调休 unknown
        Assert.Contains(Monitoring.Rules.Calendars.ProvisionalCalendar.MarkerZh, plan.BasisZh, StringComparison.Ordinal);
        Assert.Contains(DueList.Select([plan], D("2026-12-28"), 14), o => o.Kind == "plan");
    }
}
