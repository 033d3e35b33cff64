using Monitoring.Engine.Evaluation;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Expressions;
using Monitoring.Rules.Facts;
using Monitoring.Rules.Parameters;

namespace Monitoring.Engine.Explaining;

/// <summary>
/// The "why / why not" for one household: every rule of the profile, fired or not, each condition evaluated
/// without short-circuit so an auditor sees all that held and all that did not, with the values and margins.
/// Whether a rule fired is taken from the same evaluator the batch uses.
/// </summary>
public sealed class HouseholdExplainer
{
    private readonly RuleSet _ruleSet;
    private readonly DateOnly _asOf;
    private readonly RuleVersions _versions = new();

    public HouseholdExplainer(RuleSet ruleSet, DateOnly asOf)
    {
        _ruleSet = ruleSet;
        _asOf = asOf;
    }

    public IReadOnlyList<RuleExplanation> Explain(HouseholdFacts household, HelperGroupFacts? helperGroup)
    {
        var evaluator = new HouseholdEvaluator(_ruleSet, _asOf, _versions);
        var outcome = evaluator.Evaluate(household);
        var helperFindings = helperGroup is null ? [] : evaluator.EvaluateHelperGroup(helperGroup, () => [(household.Id, household.VillageCode)])
            .Where(f => f.HouseholdId == household.Id).ToList();
        var findings = outcome.Findings.Concat(helperFindings).ToDictionary(f => f.RuleId);

        var scope = new ParameterScope(_ruleSet.Parameters, _asOf);
        scope.BeginHousehold(household.CountyCode);
        var prior = new PriorResults();
        foreach (var risk in outcome.Findings.Where(f => f.Severity == "risk"))
        {
            prior.AddRisk(risk.RuleId);
        }

        var args = new object[RuleInputs.Count];
        args[RuleInputs.Household] = household;
        args[RuleInputs.Parameters] = scope;
        args[RuleInputs.Functions] = new RuleFunctions(_ruleSet.Calendar, evaluator.RiskRulesAsOf, evaluator.RiskCategoriesAsOf);
        args[RuleInputs.Prior] = prior;
        args[RuleInputs.HelperGroup] = helperGroup!;

        var result = new List<RuleExplanation>();
        foreach (var rule in _ruleSet.Rules.Where(r => r.Scope != "area"))
        {
            scope.BeginRule();
            findings.TryGetValue(rule.Id, out var finding);
            if (!rule.InForceOn(_asOf))
            {
                result.Add(NotEvaluated(rule, $"规则自 {rule.EffectiveFrom:yyyy-MM-dd} 起生效{(rule.EffectiveTo is { } to ? $"，至 {to:yyyy-MM-dd} 止" : "")}，评估日不在有效期内"));
                continue;
            }

            if (rule.Scope == "helperGroup" && helperGroup is null)
            {
                result.Add(NotEvaluated(rule, "该户没有结对帮扶人"));
                continue;
            }

            var problem = outcome.Problems.FirstOrDefault(p => p.RuleId == rule.Id);
            var trees = new List<(string?, ConditionExplanation)>();
            if (rule.Scope == "member")
            {
                foreach (var member in household.Members)
                {
                    args[RuleInputs.Member] = member;
                    trees.Add((member.Id, Explain(rule.Root, args)));
                }

                args[RuleInputs.Member] = null!;
            }
            else
            {
                trees.Add((null, Explain(rule.Root, args)));
            }

            result.Add(new RuleExplanation
            {
                Rule = rule,
                Fired = finding is not null,
                Finding = finding,
                NotEvaluatedReason = problem?.Reason,
                Trees = trees,
                Parameters = finding?.Parameters ?? [.. scope.Read],
            });
        }

        return result;
    }

    private static RuleExplanation NotEvaluated(RuleDefinition rule, string reason) => new()
    {
        Rule = rule,
        Fired = false,
        NotEvaluatedReason = reason,
        Trees = [],
        Parameters = [],
    };

    private static ConditionExplanation Explain(RuleNode node, object[] args)
    {
        var values = new List<KeyValuePair<string, object?>>();
        foreach (var value in node.Values)
        {
            try
            {
                values.Add(new(value.Name, value.Compute(args)));
            }
            catch (Exception ex) when (IsDataGap(ex))
            {
                // Shown as missing: the value needs data this household does not have.
            }
        }

        if (node.IsLeaf)
        {
            try
            {
                return new ConditionExplanation { Name = node.Name, LabelZh = node.LabelZh, Expression = node.Expression, Held = node.Predicate!(args), Values = values, Children = [] };
            }
            catch (Exception ex) when (IsDataGap(ex))
            {
                return new ConditionExplanation
                {
                    Name = node.Name,
                    LabelZh = node.LabelZh,
                    Expression = node.Expression,
                    Held = null,
                    NotEvaluatedReason = ex is ParameterNotInForceException or Monitoring.Rules.Calendars.CalendarNotCoveredException ? ex.Message : "缺少所需数据，无法判断",
                    Values = values,
                    Children = [],
                };
            }
        }

        var children = node.Children.Select(c => Explain(c, args)).ToList();
        bool? held = node.Operator == "Or"
            ? children.Any(c => c.Held == true) ? true : children.All(c => c.Held == false) ? false : null
            : children.Any(c => c.Held == false) ? false : children.All(c => c.Held == true) ? true : null;
        return new ConditionExplanation { Name = node.Name, LabelZh = node.LabelZh, Operator = node.Operator, Held = held, Values = values, Children = children };
    }

    private static bool IsDataGap(Exception ex) =>
        ex is NullReferenceException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or ArgumentOutOfRangeException or DivideByZeroException or ParameterNotInForceException or Monitoring.Rules.Calendars.CalendarNotCoveredException;
}
