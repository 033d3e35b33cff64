using Monitoring.Engine.Cases;
using Monitoring.Engine.Findings;
using Monitoring.Engine.Records;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Expressions;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;

namespace Monitoring.Worker.Cli;

/// <summary>Prints a household's case as a Chinese timeline: the steps recorded, every deadline met or missed, and the case log.</summary>
public static class CaseTimelinePrinter
{
    public static void Print(TextWriter output, HouseholdRecord household, RuleSet ruleSet, IReadOnlyList<Obligation> obligations, CaseHistory log, DateOnly asOf)
    {
        var region = household.Region;
        var type = household.MonitoringType is { } t ? $"（{CandidateType.Zh(t)}）" : "";
        output.WriteLine($"户 {household.Id}（{region?.Province}{region?.County} {region?.Town} {region?.Village}），户主 {CaseTexts.HeadName(household)}，类别 {CaseTexts.Category(household.Category)}{type}");
        output.WriteLine($"截至 {D(asOf)}，地区配置 {ruleSet.Profile.Id}（{ruleSet.Profile.Document.NameZh}）");
        var c = household.Case;
        output.WriteLine($"案件状态：{CaseStates.Zh(CaseStates.Of(c))}");
        if (c is not null)
        {
            output.WriteLine($"  {D(c.OpenedOn)}  立案（来源：{CaseTexts.Trigger(c.Trigger)}{(c.ProposedType is { } p ? $"，拟定类型 {CandidateType.Zh(p)}" : "")}）");
            foreach (var step in c.Inclusion ?? [])
            {
                output.WriteLine($"  {D(step.Date)}  {StepNames.Zh(step.Step ?? "")}{Until(step)}");
            }

            if (c.PlanOn is { } plan)
            {
                output.WriteLine($"  {D(plan)}  制定“一户一策”帮扶方案");
            }

            foreach (var measure in c.Measures ?? [])
            {
                output.WriteLine($"  {D(measure.Date)}  落实帮扶措施：{CaseTexts.Measure(measure.Kind)}");
            }

            foreach (var step in c.Release?.Steps ?? [])
            {
                output.WriteLine($"  {D(step.Date)}  风险消除：{StepNames.Zh(step.Step ?? "")}{Until(step)}");
            }

            foreach (var revisit in c.Release?.Revisits ?? [])
            {
                output.WriteLine($"  {D(revisit)}  解除后回访");
            }
        }

        output.WriteLine(household.Helper is { } helper ? $"帮扶责任人：{helper.Name}（{D(helper.AssignedOn)} 结对）" : "帮扶责任人：未明确");
        output.WriteLine($"入户走访：{(household.Visits is { Count: > 0 } visits ? string.Join("、", visits.Select(v => D(v))) : "无记录")}");
        output.WriteLine();
        output.WriteLine("时限：");
        if (obligations.Count == 0)
        {
            output.WriteLine("  （当前没有程序时限）");
        }

        foreach (var o in obligations)
        {
            var due = o.Due is { } d ? $"时限 {D(d)}" : "时限无法计算";
            output.WriteLine($"  【{o.StatusZh(asOf)}】{o.TitleZh}，{due}（{o.RuleId}；{o.BasisZh}）");
        }

        output.WriteLine();
        output.WriteLine("案件日志（只增不改；更正和作废另起一条，原登记保留）：");
        if (log.IsEmpty)
        {
            output.WriteLine("  （无：本户案件信息来自导入的县级数据）");
        }

        var later = 0;
        foreach (var entry in log.Entries)
        {
            var row = entry.Row;
            var command = entry.Command;
            var dated = command.IsAmendment && command.Entry is { } target ? log.Entries.FirstOrDefault(e => e.Id == target)?.Command.Date ?? command.Date : command.Date;
            if (dated > asOf)
            {
                later++;
                continue;
            }

            var amended = command.IsAmendment ? null : log.AmendmentOf(entry.Id) is { } a
                ? $" 〔已由 #{a.Id} {(a.Command.Name == CaseCommand.Void ? "作废" : "更正")}〕"
                : null;
            output.WriteLine($"  #{row.Id} {Monitoring.Store.ChinaTime.Local(row.RecordedAt):yyyy-MM-dd HH:mm:ss} {row.Actor}（{row.Client}）{CaseCommandText.Describe(command)}{amended}");
        }

        if (later > 0)
        {
            output.WriteLine($"  （另有 {later} 条登记的日期晚于 {D(asOf)}，未列出）");
        }
    }

    private static string Until(CaseStepRecord step) =>
        step.Until is { } until && step.Date is { } from ? $"（至 {D(until)}，共 {until.DayNumber - from.DayNumber + 1} 天）" : "";

    private static string D(DateOnly? date) => date is { } d ? CaseCommand.Text(d) : "（未记录）";
}
