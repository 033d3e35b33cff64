using System.Text;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Findings;
using Monitoring.Engine.Reading;
using Monitoring.Tests.Support;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Engine;

/// <summary>The next date an outcome can change: the boundaries it must not miss, and the ones it need not wake up for.</summary>
public sealed class OutcomeHorizonTests
{
    private static readonly DateOnly AsOf = new(2022, 6, 1);
    private static readonly OutcomeHorizon Horizon = new(SharedCatalog.Instance.ForProfile("cn-national"));

    [Fact]
    public void A_child_turning_six_is_looked_at_on_the_birthday()
    {
        Assert.Equal(new DateOnly(2022, 6, 15), Next("""{ "id": "610728-H1", "members": [{ "id": "m1", "birthDate": "2016-06-15" }] }"""));
    }

    [Fact]
    public void A_child_leaving_compulsory_age_is_looked_at_on_the_sixteenth_birthday()
    {
        Assert.Equal(new DateOnly(2022, 6, 20), Next("""{ "id": "610728-H2", "members": [{ "id": "m1", "birthDate": "2006-06-20" }] }"""));
    }

    [Fact]
    public void An_adult_birthday_that_crosses_no_age_test_waits_for_the_month_boundary()
    {
        Assert.Equal(new DateOnly(2022, 7, 1), Next("""{ "id": "610728-H3", "members": [{ "id": "m1", "birthDate": "1980-06-10" }] }"""));
    }

    [Fact]
    public void A_fired_rule_that_reports_an_age_wakes_up_on_every_birthday()
    {
        Assert.Equal(new DateOnly(2022, 6, 10), Next("""{ "id": "610728-H4", "members": [{ "id": "m1", "birthDate": "2012-06-10" }] }""", "EDU-DROPOUT"));
    }

    [Fact]
    public void An_event_is_looked_at_when_its_grace_period_ends()
    {
        // candidateGraceDays 15: "more than 15 days" holds from 20 May + 16 = 5 June.
        Assert.Equal(new DateOnly(2022, 6, 4), Next("""{ "id": "610728-H5", "events": [{ "date": "2022-05-20", "kind": "disaster" }] }"""));
    }

    [Fact]
    public void No_shipped_rule_reports_a_value_that_moves_every_night()
    {
        // Findings report the event date and the end of its window, not "days ago": a firing event rule does not make
        // its household due (and its outcome re-recorded) every night.
        Assert.Empty(Horizon.DailyRules);
        // The first day-typed offset after the event lands on 4 June (30 May + minNoticeDays 5): conservative, not daily.
        Assert.Equal(new DateOnly(2022, 6, 4), Next("""{ "id": "610728-H6", "events": [{ "date": "2022-05-30", "kind": "disaster" }] }""", "EVT-SUDDEN"));
    }

    [Fact]
    public void The_plan_deadline_is_counted_in_working_days_across_the_Dragon_Boat_holiday()
    {
        // County approval on 27 May 2022; the 10th working day after it is 13 June (3 June is the Dragon Boat Festival).
        var next = Next("""
            { "id": "610728-H7", "case": { "openedOn": "2022-05-01", "inclusion": [ { "step": "county_approval", "date": "2022-05-27" } ] } }
            """);
        Assert.Equal(new DateOnly(2022, 6, 13), SharedCatalog.Instance.ForProfile("cn-national").Calendar.AddWorkingDays(new DateOnly(2022, 5, 27), 10));
        Assert.True(next <= new DateOnly(2022, 6, 13), $"{next} is after the plan deadline");
    }

    [Fact]
    public void Old_dates_without_deadlines_do_not_wake_anyone_before_the_month_boundary()
    {
        Assert.Equal(new DateOnly(2022, 7, 1), Next("""
            { "id": "610728-H8", "visits": ["2022-05-31"], "expenses": [{ "date": "2021-02-01", "kind": "medical", "amount": 100, "reimbursed": 0 }] }
            """));
    }

    private static DateOnly Next(string json, params string[] firedRules)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var record = HouseholdRecordParser.Parse(bytes, 1, []) ?? throw new InvalidOperationException("test record does not parse");
        var findings = firedRules.Select(rule => new Finding
        {
            HouseholdId = record.Id!, RuleId = rule, Severity = "risk", AsOf = AsOf, RuleVersion = "test", Profile = "cn-national",
            Values = [], Parameters = [], Explanation = "", Source = "", TitleZh = "", Category = "",
        }).ToList();
        return Horizon.NextChange(record, bytes, findings, AsOf);
    }
}
