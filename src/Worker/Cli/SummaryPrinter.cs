using System.Globalization;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Findings;
using Monitoring.Rules.Catalog;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Cli;

/// <summary>Prints the run summary in Chinese for county and village staff.</summary>
public static class SummaryPrinter
{
    public static void Print(TextWriter writer, EvaluationSummary summary, RuleSet ruleSet)
    {
        var titles = ruleSet.Rules.ToDictionary(r => r.Id, r => r.TitleZh);
        writer.WriteLine($"评估日 {summary.AsOf:yyyy-MM-dd}，地区配置 {summary.Profile}（{ruleSet.Profile.Document.NameZh}），规则集版本 {summary.RuleSetVersion}");
        writer.WriteLine($"读取农户 {summary.HouseholdsRead:N0} 户，评估 {summary.HouseholdsEvaluated:N0} 户，数据有误未评估 {summary.HouseholdsInvalid:N0} 户");
        var types = string.Join("，", new[] { CandidateType.Unstable, CandidateType.Marginal, CandidateType.Hardship }
            .Select(t => $"{CandidateType.Zh(t)} {summary.CandidatesByType.GetValueOrDefault(t):N0} 户"));
        writer.WriteLine($"监测对象候选 {summary.Candidates:N0} 户：{types}");
        writer.WriteLine($"发现 {summary.FindingsWritten:N0} 条，按规则：");
        foreach (var rule in ruleSet.Rules)
        {
            var count = summary.FindingsByRule.GetValueOrDefault(rule.Id);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rule.Id,-24} {count,10:N0}  {rule.TitleZh}"));
        }

        foreach (var (ruleId, count) in summary.NotEvaluableByRule)
        {
            writer.WriteLine($"注意：规则 {ruleId}（{titles.GetValueOrDefault(ruleId)}）有 {count:N0} 户因参数无生效取值、节假日日历未覆盖或缺少记录格式 1.1 字段而未评估（不可评估，不报告）");
        }

        foreach (var (ruleId, count) in summary.ErrorsByRule)
        {
            writer.WriteLine($"错误：规则 {ruleId}（{titles.GetValueOrDefault(ruleId)}）有 {count:N0} 户求值出错，请检查规则文件");
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"用时 {summary.Elapsed.TotalSeconds:F1} 秒（读取与评估 {summary.EvaluationElapsed.TotalSeconds:F1} 秒，排序输出 {(summary.Elapsed - summary.EvaluationElapsed).TotalSeconds:F1} 秒）"));
    }
}
