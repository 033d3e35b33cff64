using Monitoring.Tests.Support;

namespace Monitoring.Tests.RuleCases;

/// <summary>Runs every case in <c>rules/tests/</c> through the evaluation pipeline.</summary>
public sealed class RuleCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in RuleCaseFile.LoadAll())
        {
            data.Add(c.File, c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gives_the_expected_rules(string file, string name)
    {
        var ruleCase = RuleCaseFile.LoadAll().Single(c => c.File == file && c.Name == name);
        var (findings, problems, summary) = Evaluate.Lines(ruleCase.HouseholdLines, ruleCase.AsOf, ruleCase.Profile, rosters: ruleCase.Rosters);

        Assert.True(problems.Count == 0, "记录未通过校验：" + string.Join("; ", problems));
        var fired = (ruleCase.Area is { } area
                ? findings.Where(f => f.TryGetProperty("area", out var a) && a.GetProperty("countyCode").GetString() == area.CountyCode && a.GetProperty("list").GetString() == area.List)
                : findings.Where(f => f.GetProperty("householdId").GetString() == ruleCase.HouseholdId))
            .Select(f => f.GetProperty("ruleId").GetString()!).ToHashSet();
        foreach (var expected in ruleCase.Fired)
        {
            Assert.True(fired.Contains(expected), $"{ruleCase}: 应触发 {expected}，实际触发：{string.Join(", ", fired.Order())}");
        }

        foreach (var unexpected in ruleCase.NotFired)
        {
            Assert.False(fired.Contains(unexpected), $"{ruleCase}: 不应触发 {unexpected}");
        }

        foreach (var rule in ruleCase.NotEvaluable)
        {
            Assert.False(fired.Contains(rule), $"{ruleCase}: {rule} 不可评估，不应触发");
            Assert.True(summary.NotEvaluableByRule.ContainsKey(rule), $"{ruleCase}: {rule} 应计为不可评估，实际不可评估：{string.Join(", ", summary.NotEvaluableByRule.Keys)}");
        }
    }

    [Fact]
    public void Every_rule_has_a_case_that_fires_and_one_that_does_not()
    {
        var cases = RuleCaseFile.LoadAll();
        var missing = new List<string>();
        foreach (var rule in SharedCatalog.Instance.Rules)
        {
            // A stored-mode rule (it reads the run history) fires only in nightly runs: its store test shows it firing.
            if (rule.Mode != "stored" && !cases.Any(c => c.Fired.Contains(rule.Id)))
            {
                missing.Add($"{rule.Id}: 没有触发的用例");
            }

            if (!cases.Any(c => c.NotFired.Contains(rule.Id)))
            {
                missing.Add($"{rule.Id}: 没有不触发的边界用例");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
