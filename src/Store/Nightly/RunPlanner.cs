using Monitoring.Rules.Catalog;
using Monitoring.Store.Importing;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Nightly;

/// <summary>
/// Chooses full or incremental. Incremental is only safe when everything but the household data and the date is as
/// the previous run had it: same rules, parameters and calendar (rule-set version), same engine build, a later or
/// equal as-of, and no rule or parameter value taking or leaving effect between the two dates.
/// </summary>
public static class RunPlanner
{
    public static RunPlan Decide(PreviousRun? previous, DateOnly asOf, string rulesVersion, string engineVersion, RuleSet ruleSet, bool forceFull)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (previous is null)
        {
            return new RunPlan(RunPlan.Full, "该地区配置尚无已完成批次，全量评估", null);
        }

        string? reason = null;
        if (forceFull)
        {
            reason = "按要求全量评估（--full）";
        }
        else if (previous.RulesVersion != rulesVersion)
        {
            reason = $"规则、参数或工作日历已变更（规则集版本 {previous.RulesVersion} → {rulesVersion}），全量评估";
        }
        else if (previous.EngineVersion != engineVersion)
        {
            reason = "程序版本已更新，全量评估";
        }
        else if (asOf < previous.AsOf)
        {
            reason = $"评估日 {asOf:yyyy-MM-dd} 早于上一批次的 {previous.AsOf:yyyy-MM-dd}，全量评估";
        }
        else if (EffectiveDateBetween(ruleSet, previous.AsOf, asOf) is { } changed)
        {
            reason = $"{changed:yyyy-MM-dd} 有规则或参数生效/失效，全量评估";
        }

        return reason is null
            ? new RunPlan(RunPlan.Incremental, $"增量评估：只评估自批次 {previous.Id}（{previous.AsOf:yyyy-MM-dd}）以来数据变化或到期需复核的农户", previous.Id)
            : new RunPlan(RunPlan.Full, reason, previous.Id);
    }

    /// <summary>The first date in (<paramref name="after"/>, <paramref name="until"/>] on which a rule or a parameter value starts or stops applying.</summary>
    public static DateOnly? EffectiveDateBetween(RuleSet ruleSet, DateOnly after, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var dates = ruleSet.Rules.Select(r => r.EffectiveFrom)
            .Concat(ruleSet.Rules.Where(r => r.EffectiveTo is not null).Select(r => r.EffectiveTo!.Value.AddDays(1)))
            .Concat(ruleSet.Parameters.Layers.SelectMany(l => l.Values.Values.SelectMany(v => v.Select(x => x.From))));
        DateOnly? first = null;
        foreach (var date in dates)
        {
            if (date > after && date <= until && (first is null || date < first))
            {
                first = date;
            }
        }

        return first;
    }
}
