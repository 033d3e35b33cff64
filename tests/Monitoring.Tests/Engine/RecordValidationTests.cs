using System.Text.Json.Nodes;
using Monitoring.Engine.Validation;
using Monitoring.Tests.Support;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Engine;

/// <summary>Bad input is reported as <c>line N: field: reason</c>; valid records in the same file are still evaluated.</summary>
public sealed class RecordValidationTests
{
    private static readonly DateOnly AsOf = new(2021, 11, 30);

    private static List<RecordProblem> ProblemsOf(Action<JsonObject> change)
    {
        var household = SampleHousehold.Create();
        change(household);
        return Evaluate.Lines([SampleHousehold.Line(household)], AsOf).Problems;
    }

    [Fact]
    public void The_sample_household_is_valid() => Assert.Empty(ProblemsOf(_ => { }));

    [Theory]
    [InlineData("category", "rich", "category")]
    [InlineData("id", "", "id")]
    public void Top_level_fields_are_checked(string field, string value, string reported)
    {
        var problems = ProblemsOf(h => h[field] = value);
        Assert.Contains(problems, p => p.Field == reported && p.Line == 1);
    }

    [Theory]
    [InlineData("""{"screenings":["2021-12-01"]}""", "screenings[0]", "晚于评估日")]
    [InlineData("""{"exitPlan":{"viaIndustry":true}}""", "exitPlan.year", "缺少计划脱贫年度")]
    [InlineData("""{"events":[{"date":"2021-07-01","kind":"disaster","housingDamage":"flooded"}]}""", "events[0].housingDamage", "destroyed | damaged")]
    [InlineData("""{"events":[{"date":"2021-07-01","kind":"disaster","housingDamage":"damaged","housingRepairedOn":"2021-06-30"}]}""", "events[0].housingRepairedOn", "早于事件日期")]
    [InlineData("""{"events":[{"date":"2021-07-01","kind":"disaster","housingRepairedOn":"2021-08-01"}]}""", "events[0].housingRepairedOn", "housingDamage")]
    [InlineData("""{"expenses":[{"date":"2021-07-01","kind":"medical","amount":100,"setting":"icu"}]}""", "expenses[0].setting", "inpatient | outpatient")]
    [InlineData("""{"expenses":[{"date":"2021-07-01","kind":"education","amount":100,"setting":"inpatient"}]}""", "expenses[0].setting", "医疗支出")]
    [InlineData("""{"case":{"openedOn":"2021-05-01","risks":[{"kind":"poverty"}]}}""", "case.risks[0].kind", "illness")]
    [InlineData("""{"case":{"openedOn":"2021-05-01","reviews":["2022-01-01"]}}""", "case.reviews[0]", "晚于评估日")]
    [InlineData("""{"members":[{"id":"m1","birthDate":"1980-01-01","pensionInsurance":{"year":2021,"subsidised":true}}]}""", "members[0].pensionInsurance.enrolled", "缺少")]
    [InlineData("""{"members":[{"id":"m1","birthDate":"1980-01-01","educationAid":[{"term":"2021-summer"}]}]}""", "members[0].educationAid[0].term", "YYYY-spring")]
    [InlineData("""{"members":[{"id":"m1","birthDate":"1980-01-01","careGroup":{"kind":"orphan","level":"urgent"}}]}""", "members[0].careGroup.level", "general | special")]
    [InlineData("""{"members":[{"id":"m1","birthDate":"1980-01-01","careGroup":{"level":"general","visits":["2021-12-01"]}}]}""", "members[0].careGroup.kind", "缺少关爱对象类别")]
    public void Format_1_1_fields_are_checked_with_line_field_and_reason(string fields, string reported, string reason)
    {
        var problems = ProblemsOf(h =>
        {
            foreach (var (name, value) in JsonNode.Parse(fields)!.AsObject())
            {
                h[name] = value?.DeepClone();
            }
        });
        Assert.Contains(problems, p => p.Line == 1 && p.Field == reported && p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Format_1_1_fields_are_read_and_a_v1_record_stays_valid() =>
        Assert.Empty(ProblemsOf(h =>
        {
            h["screenings"] = JsonNode.Parse("""["2021-05-20"]""");
            h["exitPlan"] = JsonNode.Parse("""{"year":2021,"viaIndustry":true}""");
            h["members"]![0]!["pensionInsurance"] = JsonNode.Parse("""{"year":2021,"enrolled":true,"subsidised":false}""");
            h["members"]![0]!["careGroup"] = JsonNode.Parse("""{"kind":"orphan","level":"special","helper":"王五","visits":["2021-11-01"]}""");
        }));

    [Fact]
    public void Negative_money_is_refused() =>
        Assert.Contains(ProblemsOf(h => h["incomes"]![0]!["wage"] = -1), p => p.Field == "incomes[0].wage");

    [Fact]
    public void Household_size_below_one_is_refused() =>
        Assert.Contains(ProblemsOf(h => h["incomes"]![0]!["size"] = 0), p => p.Field == "incomes[0].size");

    [Fact]
    public void Events_after_the_evaluation_date_are_refused() =>
        Assert.Contains(ProblemsOf(h => h["events"] = new JsonArray(new JsonObject { ["date"] = "2021-12-01", ["kind"] = "disaster" })),
            p => p.Field == "events[0].date" && p.Reason.Contains("晚于评估日", StringComparison.Ordinal));

    [Fact]
    public void Visits_after_the_evaluation_date_are_refused() =>
        Assert.Contains(ProblemsOf(h => h["visits"] = new JsonArray("2022-01-01")), p => p.Field.StartsWith("visits", StringComparison.Ordinal));

    [Fact]
    public void Case_steps_after_the_evaluation_date_are_refused() =>
        Assert.Contains(ProblemsOf(h => h["case"] = JsonNode.Parse("""{"openedOn":"2021-11-01","inclusion":[{"step":"warning_notice","date":"2021-12-02"}]}""")),
            p => p.Field == "case.inclusion[0].date");

    [Fact]
    public void Unknown_enum_values_are_refused() =>
        Assert.Contains(ProblemsOf(h => h["members"]![0]!["schooling"] = "dropped"), p => p.Field == "members[0].schooling");

    [Fact]
    public void Implausible_birth_dates_are_refused() =>
        Assert.Contains(ProblemsOf(h => h["members"]![1]!["birthDate"] = "1850-01-01"), p => p.Field == "members[1].birthDate");

    [Fact]
    public void Resident_id_with_a_wrong_check_digit_is_refused_and_masked()
    {
        var problems = ProblemsOf(h => h["members"]![0]!["idNumber"] = "610728198001011234");
        var problem = Assert.Single(problems);
        Assert.Equal("members[0].idNumber", problem.Field);
        Assert.Contains("610728********1234", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("610728198001011234", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_name_the_field()
    {
        var household = SampleHousehold.Line(SampleHousehold.Create()).Replace("\"birthDate\":\"1980-01-01\"", "\"birthDate\":\"01/01/1980\"", StringComparison.Ordinal);
        var problem = Assert.Single(Evaluate.Lines([household], AsOf).Problems);
        Assert.Equal("members[0].birthDate", problem.Field);
        Assert.Contains("YYYY-MM-DD", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line_and_the_rest_is_evaluated()
    {
        var good = SampleHousehold.Line(SampleHousehold.Create("610728-0002"));
        var (_, problems, summary) = Evaluate.Lines([good, "{\"id\": \"x\"", SampleHousehold.Line(SampleHousehold.Create("610728-0003"))], AsOf);
        var problem = Assert.Single(problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("JSON", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(2, summary.HouseholdsEvaluated);
        Assert.Equal(1, summary.HouseholdsInvalid);
    }

    [Fact]
    public void A_repeated_household_id_rejects_the_later_line()
    {
        var first = SampleHousehold.Create();
        var second = SampleHousehold.Create();
        second["category"] = "ordinary";
        var (findings, problems, summary) = Evaluate.Lines([SampleHousehold.Line(first), SampleHousehold.Line(second)], AsOf);
        var problem = Assert.Single(problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal("id", problem.Field);
        Assert.Contains("第 1 行", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(1, summary.HouseholdsEvaluated);
    }

    [Theory]
    [InlineData("610728198001011233", "610728********1233")]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("", "")]
    public void Resident_ids_are_masked(string id, string masked) => Assert.Equal(masked, ResidentIdNumber.Mask(id));

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491231002", false)]
    public void Check_digits_follow_gb_11643(string id, bool valid) => Assert.Equal(valid, ResidentIdNumber.Problem(id) is null);
}
