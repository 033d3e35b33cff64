using System.Text.Json;
using Monitoring.Rules.Codes;
using Monitoring.Rules.Expressions;

namespace Monitoring.Engine.Cases;

/// <summary>A case-log entry as one Chinese sentence for staff (the step, measure or event by its label, dates, notice end, reason).</summary>
public static class CaseCommandText
{
    /// <summary>The entry stored as <paramref name="name"/> and its payload; the payload itself when it cannot be read.</summary>
    public static string Describe(string name, string payloadJson)
    {
        try
        {
            return Describe(CaseCommand.FromPayload(name, payloadJson));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return payloadJson;
        }
    }

    public static string Describe(CaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var date = CaseCommand.Text(command.Date);
        var until = command.Until is { } u ? $"，公示至 {CaseCommand.Text(u)}" : "";
        var note = string.IsNullOrWhiteSpace(command.Note) ? "" : $"（{command.Note.Trim()}）";
        return command.Name switch
        {
            CaseCommand.Open => $"{date} 立案，来源：{CaseTexts.Trigger(command.Trigger)}"
                + (command.MonitoringType is { } type ? $"，监测对象类型：{DomainLabels.MonitoringTypes.Zh(type)}" : "") + note,
            CaseCommand.Step => $"{date} 识别步骤「{StepNames.Zh(command.StepName ?? "")}」{until}"
                + (command.MonitoringType is { } t ? $"，监测对象类型：{DomainLabels.MonitoringTypes.Zh(t)}" : "") + note,
            CaseCommand.Helper => $"{date} 结对帮扶责任人 {command.HelperName}{note}",
            CaseCommand.Plan => $"{date} 制定帮扶方案{note}",
            CaseCommand.Measure => $"{date} 落实帮扶措施「{CaseTexts.Measure(command.MeasureKind)}」{note}",
            CaseCommand.Visit => $"{date} 入户走访{note}",
            CaseCommand.ReleaseStep => $"{date} 风险消除步骤「{StepNames.Zh(command.StepName ?? "")}」{until}{note}",
            CaseCommand.Revisit => $"{date} 解除后回访{note}",
            CaseCommand.Event => $"{date} 登记事件「{DomainLabels.EventKinds.Zh(command.EventKind)}」{note}",
            CaseCommand.Correct => $"更正 #{command.Entry}（原因：{command.Reason}）→ {Describe(command.AsReplacement())}",
            CaseCommand.Void => $"作废 #{command.Entry}（原因：{command.Reason}）",
            _ => $"{date} {command.Name}{note}",
        };
    }
}
