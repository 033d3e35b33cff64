using System.Text.Json.Nodes;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Engine;

/// <summary>What a finding carries: values read, parameters with sources, rule version, a Chinese sentence with the margin.</summary>
public sealed class FindingContentTests
{
    private static readonly DateOnly AsOf = new(2021, 11, 30);

    [Fact]
    public void Income_below_the_line_reads_as_the_auditor_expects()
    {
        var household = SampleHousehold.Create();
        household["incomes"]![0]!["wage"] = 17997; // 5,999 per capita for 3 people
        var (findings, _, _) = Evaluate.Lines([SampleHousehold.Line(household)], AsOf);
        var finding = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "INC-BELOW-LINE");

        Assert.Equal("家庭人均纯收入 5,999 元，低于 2021 年监测线 6,000 元（差 1 元）", finding.GetProperty("explanation").GetString());
        Assert.Equal(5999m, finding.GetProperty("values").GetProperty("perCapitaNetIncome").GetDecimal());
        Assert.Equal(6000m, finding.GetProperty("parameters").GetProperty("monitoringLine").GetDecimal());
        var source = finding.GetProperty("parameterSources").GetProperty("monitoringLine");
        Assert.Equal("2021-01-01", source.GetProperty("from").GetString());
        Assert.False(source.GetProperty("carriedForward").GetBoolean());
        Assert.Equal("risk", finding.GetProperty("severity").GetString());
        Assert.Equal("cn-national", finding.GetProperty("profile").GetString());
        Assert.Equal("2021-11-30", finding.GetProperty("asOf").GetString());
        Assert.Matches("^[0-9a-f]{16}$", finding.GetProperty("ruleVersion").GetString());
        Assert.StartsWith("000_ec4cb8c3d9f11643.txt row 4", finding.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_carried_forward_line_is_said_in_the_sentence()
    {
        var household = SampleHousehold.Create();
        household["incomes"] = JsonNode.Parse("""[{"year":2023,"from":"2022-10-01","to":"2023-09-30","wage":17000,"size":3}]""");
        var (findings, _, _) = Evaluate.Lines([SampleHousehold.Line(household)], new DateOnly(2023, 11, 30));
        var finding = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "INC-BELOW-LINE");
        Assert.True(finding.GetProperty("parameterSources").GetProperty("monitoringLine").GetProperty("carriedForward").GetBoolean());
        Assert.Contains("沿用", finding.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_version_changes_when_the_parameter_in_force_changes()
    {
        var liaoning = SampleHousehold.Create("210102-0001");
        liaoning["region"]!["countyCode"] = "210102";
        liaoning["region"]!["villageCode"] = "210102001001";
        liaoning["incomes"] = JsonNode.Parse("""[{"year":2022,"from":"2021-10-01","to":"2022-09-30","wage":17000,"size":3}]""");
        var shaanxi = SampleHousehold.Create("610728-0001");
        shaanxi["incomes"] = liaoning["incomes"]!.DeepClone();
        var (findings, _, _) = Evaluate.Lines([SampleHousehold.Line(liaoning), SampleHousehold.Line(shaanxi)], new DateOnly(2022, 11, 30));
        var below = findings.Where(f => f.GetProperty("ruleId").GetString() == "INC-BELOW-LINE").ToList();
        Assert.Equal(2, below.Count);
        Assert.Equal(7260m, below[0].GetProperty("parameters").GetProperty("monitoringLine").GetDecimal());
        Assert.NotEqual(below[0].GetProperty("ruleVersion").GetString(), below[1].GetProperty("ruleVersion").GetString());
    }

    [Fact]
    public void Findings_are_sorted_by_household_then_rule_and_spilling_changes_nothing()
    {
        var lines = Enumerable.Range(1, 40).Reverse().Select(i =>
        {
            var h = SampleHousehold.Create($"610728-{i:0000}");
            h["incomes"]![0]!["wage"] = 9000 + i;
            h["members"]![1]!["schooling"] = "not_enrolled";
            return SampleHousehold.Line(h);
        }).ToList();
        var inMemory = Evaluate.Lines(lines, AsOf).Findings.Select(f => f.GetRawText()).ToList();
        var spilled = Evaluate.Lines(lines, AsOf, sorterMemory: 4096).Findings.Select(f => f.GetRawText()).ToList();

        Assert.Equal(inMemory, spilled);
        var keys = inMemory.Select(t => System.Text.Json.JsonDocument.Parse(t).RootElement)
            .Select(e => e.GetProperty("householdId").GetString() + "\0" + e.GetProperty("ruleId").GetString()).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.True(keys.Count >= 80);
    }

    [Fact]
    public void Member_findings_name_the_member_and_never_the_resident_id()
    {
        var household = SampleHousehold.Create();
        household["members"]![0]!["medicalInsurance"] = false;
        var (findings, _, _) = Evaluate.Lines([SampleHousehold.Line(household)], AsOf);
        var finding = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "MED-UNINSURED");
        Assert.Equal("m1", finding.GetProperty("memberId").GetString());
        Assert.DoesNotContain("198001011233", finding.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lifted_household_with_a_risk_is_an_unstable_candidate_and_a_monitored_one_is_not()
    {
        var lifted = SampleHousehold.Create("610728-0001");
        lifted["members"]![0]!["medicalInsurance"] = false;
        var monitored = SampleHousehold.Create("610728-0002");
        monitored["category"] = "monitored";
        monitored["members"]![0]!["medicalInsurance"] = false;
        var ordinary = SampleHousehold.Create("610728-0003");
        ordinary["category"] = "ordinary";
        ordinary["events"] = JsonNode.Parse("""[{"date":"2021-11-01","kind":"accident"}]""");
        var (_, _, summary) = Evaluate.Lines([SampleHousehold.Line(lifted), SampleHousehold.Line(monitored), SampleHousehold.Line(ordinary)], AsOf);
        Assert.Equal(1, summary.CandidatesByType["unstable"]);
        Assert.Equal(1, summary.CandidatesByType["hardship"]);
        Assert.Equal(2, summary.Candidates);
    }

    [Fact]
    public void A_plan_deadline_in_a_year_without_its_notice_is_counted_provisionally_and_says_so()
    {
        var household = SampleHousehold.Create();
        household["category"] = "monitored";
        household["monitoringType"] = "marginal";
        household["helper"] = null;
        household["case"] = JsonNode.Parse("""{"openedOn":"2026-12-10","inclusion":[{"step":"warning_notice","date":"2026-12-10"},{"step":"county_approval","date":"2026-12-24"}]}""");
        var (findings, _, summary) = Evaluate.Lines([SampleHousehold.Line(household)], new DateOnly(2027, 1, 20));
        var plan = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "PROC-PLAN-OVERDUE");
        Assert.Equal(Monitoring.Rules.Calendars.ProvisionalCalendar.MarkerZh, plan.GetProperty("values").GetProperty("calendar").GetString());
        Assert.Contains(Monitoring.Rules.Calendars.ProvisionalCalendar.MarkerZh, plan.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.False(summary.NotEvaluableByRule.ContainsKey("PROC-PLAN-OVERDUE"));

        // A deadline counted wholly inside a year with its notice carries no mark.
        household["case"] = JsonNode.Parse("""{"openedOn":"2026-11-10","inclusion":[{"step":"warning_notice","date":"2026-11-10"},{"step":"county_approval","date":"2026-11-24"}]}""");
        var (onNotice, _, _) = Evaluate.Lines([SampleHousehold.Line(household)], new DateOnly(2026, 12, 20));
        var marked = Assert.Single(onNotice, f => f.GetProperty("ruleId").GetString() == "PROC-PLAN-OVERDUE");
        Assert.False(marked.GetProperty("values").TryGetProperty("calendar", out _));
    }

    [Fact]
    public void High_medical_self_pay_alone_makes_a_lifted_household_an_unstable_candidate_and_an_expenditure_surge_a_hardship_one()
    {
        var selfPay = SampleHousehold.Create("610728-0001");
        selfPay["category"] = "lifted";
        var ordinarySelfPay = SampleHousehold.Create("610728-0003");
        ordinarySelfPay["category"] = "ordinary";
        ordinarySelfPay["incomes"]![0]!["wage"] = 90000;
        ordinarySelfPay["expenses"] = JsonNode.Parse("""[{"date":"2021-10-01","kind":"medical","amount":60000,"reimbursed":10000}]""");
        selfPay["incomes"]![0]!["wage"] = 90000;
        selfPay["expenses"] = JsonNode.Parse("""[{"date":"2021-10-01","kind":"medical","amount":60000,"reimbursed":10000}]""");
        var surge = SampleHousehold.Create("610728-0002");
        surge["category"] = "ordinary";
        surge["expenses"] = JsonNode.Parse("""[{"date":"2021-10-01","kind":"education","amount":3000,"reimbursed":0}]""");
        var (findings, _, summary) = Evaluate.Lines([SampleHousehold.Line(selfPay), SampleHousehold.Line(surge), SampleHousehold.Line(ordinarySelfPay)], AsOf);
        Assert.Contains(findings, f => f.GetProperty("householdId").GetString() == "610728-0001" && f.GetProperty("ruleId").GetString() == "MED-HIGH-SELFPAY");
        Assert.Contains(findings, f => f.GetProperty("householdId").GetString() == "610728-0002" && f.GetProperty("ruleId").GetString() == "EXP-RIGID-SURGE");
        // Catalogue v2: MED-HIGH-SELFPAY is for 脱贫户 and 监测户 only (001 #9); an ordinary household's spending is EXP-RIGID-SURGE's.
        Assert.DoesNotContain(findings, f => f.GetProperty("householdId").GetString() == "610728-0003" && f.GetProperty("ruleId").GetString() == "MED-HIGH-SELFPAY");
        Assert.Equal(1, summary.CandidatesByType["unstable"]);
        Assert.Equal(1, summary.CandidatesByType["hardship"]);
    }
}
