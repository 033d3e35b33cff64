using Monitoring.Engine.Cases;
using Monitoring.Engine.Explaining;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Codes;
using Monitoring.Rules.Facts;
using Monitoring.Store.Cases;
using Monitoring.Store.Exporting;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Sql;

namespace Monitoring.Worker.Cli;

/// <summary>Prints a household's rule-by-rule explanation in Chinese; resident IDs are masked.</summary>
public static class ExplanationPrinter
{
    public static void Print(TextWriter output, HouseholdRecord record, HouseholdFacts facts, IReadOnlyList<RuleExplanation> explanations, RuleSet ruleSet, DateOnly asOf)
    {
        var region = record.Region;
        output.WriteLine($"户 {record.Id}（{region?.Province}{region?.County} {region?.Town} {region?.Village}，类别 {CategoryZh(record.Category)}）");
        output.WriteLine($"评估日 {asOf:yyyy-MM-dd}，地区配置 {ruleSet.Profile.Id}（{ruleSet.Profile.Document.NameZh}），规则集版本 {Monitoring.Engine.Evaluation.RuleVersions.ForRuleSet(ruleSet)}");
        foreach (var member in facts.Members)
        {
            var idNumber = record.Members?.FirstOrDefault(m => m.Id == member.Id)?.IdNumber;
            output.WriteLine($"  成员 {member.Id}：{member.RelationZh}，{member.Age} 岁，身份证 {ResidentIdNumber.Mask(idNumber)}");
        }

        var fired = explanations.Count(e => e.Fired);
        output.WriteLine($"共 {explanations.Count} 条规则，触发 {fired} 条。");
        output.WriteLine();
        foreach (var e in explanations)
        {
            var state = e.Fired ? "【触发】" : e.NotEvaluatedReason is not null && e.Trees.Count == 0 ? "【未评估】" : "【未触发】";
            output.WriteLine($"{state}{e.Rule.Id} {e.Rule.TitleZh}（{SeverityZh(e.Rule.Severity)}）");
            output.WriteLine($"  出处：{e.Rule.Source}");
            if (e.Finding is { } finding)
            {
                output.WriteLine($"  说明：{finding.Explanation}");
                output.WriteLine($"  规则版本：{finding.RuleVersion}");
            }

            if (e.NotEvaluatedReason is { } reason)
            {
                output.WriteLine($"  原因：{reason}");
            }

            foreach (var (memberId, root) in e.Trees)
            {
                if (memberId is not null)
                {
                    output.WriteLine($"  成员 {memberId}：");
                }

                PrintCondition(output, root, memberId is null ? 2 : 4, isRoot: true);
            }

            foreach (var p in e.Parameters)
            {
                var flags = (p.CountySet ? "，县定默认值" : "") + (p.CarriedForward ? $"，{p.ForYear} 年沿用" : "");
                output.WriteLine($"  参数 {p.Name} = {p.RawValue}（{p.From:yyyy-MM-dd} 起，{p.OriginNameZh}{flags}；出处：{p.Reference}）");
            }

            if (e.Rule.Interpretation is { } interpretation)
            {
                output.WriteLine($"  解读：{interpretation}");
            }

            output.WriteLine();
        }
    }

    private static void PrintCondition(TextWriter output, ConditionExplanation condition, int indent, bool isRoot)
    {
        var pad = new string(' ', indent);
        var mark = condition.Held switch { true => "✔", false => "✘", null => "？" };
        var values = condition.Values.Count == 0 ? "" : "  [" + string.Join("，", condition.Values.Select(v => $"{v.Key} = {ValueFormatter.Format(v.Value, null)}")) + "]";
        if (condition.Operator is null)
        {
            var reason = condition.NotEvaluatedReason is { } r ? $"（{r}）" : "";
            output.WriteLine($"{pad}{mark} {condition.LabelZh ?? condition.Name}{reason}{values}");
            return;
        }

        if (!isRoot)
        {
            output.WriteLine($"{pad}{mark} {condition.LabelZh ?? condition.Name}（{(condition.Operator == "Or" ? "满足其一" : "全部满足")}）{values}");
        }
        else if (condition.Operator == "Or")
        {
            output.WriteLine($"{pad}满足其一即触发：");
        }

        foreach (var child in condition.Children)
        {
            PrintCondition(output, child, isRoot ? indent : indent + 2, isRoot: false);
        }
    }

    private static string CategoryZh(string? category) => DomainLabels.Categories.Zh(category);

    private static string SeverityZh(string severity) => DomainLabels.Severities.Zh(severity);
}
