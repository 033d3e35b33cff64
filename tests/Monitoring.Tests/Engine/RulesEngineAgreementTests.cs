using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Facts;
using Monitoring.Engine.Generation;
using Monitoring.Rules.Expressions;
using Monitoring.Rules.Facts;
using Monitoring.Rules.Parameters;
using Monitoring.Tests.Support;
using RulesEngine.Models;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Engine;

/// <summary>
/// The batch evaluates the compiled conditions directly (ADR 0001). This test runs the same households through
/// Microsoft RulesEngine's own <c>ExecuteAllRulesAsync</c> and requires the same outcome for every household rule.
/// </summary>
public sealed class RulesEngineAgreementTests
{
    [Theory]
    [InlineData("2022-06-30", 11)]
    [InlineData("2023-11-15", 23)]
    public async Task Our_evaluator_and_RulesEngine_agree_on_generated_households(string date, int seed)
    {
        var asOf = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var catalog = SharedCatalog.Instance;
        var ruleSet = catalog.ForProfile("cn-national");
        var evaluator = new HouseholdEvaluator(ruleSet, asOf, new RuleVersions());
        var rules = evaluator.HouseholdRules.Where(r => r.Scope == "household").ToDictionary(r => r.Id);
        var compared = 0;
        var firedSeen = new HashSet<string>();

        foreach (var record in new HouseholdGenerator(seed, asOf).GenerateMany(400))
        {
            var facts = HouseholdFactsBuilder.Build(record, asOf);
            var ours = evaluator.Evaluate(facts).Findings.Select(f => f.RuleId).ToHashSet();
            var scope = new ParameterScope(ruleSet.Parameters, asOf);
            scope.BeginHousehold(facts.CountyCode);
            var prior = new PriorResults();
            foreach (var risk in ours.Where(id => catalog.Rules.Single(r => r.Id == id).Severity == "risk"))
            {
                prior.AddRisk(risk);
            }

            RuleParameter[] inputs =
            [
                RuleParameter.Create("h", facts),
                RuleParameter.Create<MemberFacts>("m", null!),
                RuleParameter.Create<HelperGroupFacts>("g", null!),
                RuleParameter.Create("p", scope),
                RuleParameter.Create("fn", new RuleFunctions(ruleSet.Calendar, evaluator.RiskRulesAsOf, evaluator.RiskCategoriesAsOf)),
                RuleParameter.Create("r", prior),
            ];

            foreach (var workflow in rules.Values.Select(r => r.WorkflowName).Distinct())
            {
                foreach (var result in await catalog.Engine.ExecuteAllRulesAsync(workflow, inputs))
                {
                    if (!rules.ContainsKey(result.Rule.RuleName))
                    {
                        continue;
                    }

                    compared++;
                    if (result.IsSuccess)
                    {
                        firedSeen.Add(result.Rule.RuleName);
                    }

                    Assert.True(result.IsSuccess == ours.Contains(result.Rule.RuleName),
                        $"{record.Id} {result.Rule.RuleName}: RulesEngine {result.IsSuccess}, 本引擎 {ours.Contains(result.Rule.RuleName)}");
                }
            }
        }

        Assert.True(compared > 400 * 10, $"only {compared} comparisons");
        Assert.True(firedSeen.Count >= 10, "generated data should make most household rules fire at least once: " + string.Join(", ", firedSeen));
    }
}
