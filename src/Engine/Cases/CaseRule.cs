namespace Monitoring.Engine.Cases;

/// <summary>
/// A rule the case commands enforce when recording, with the clause it comes from. The PROC-* ids are the catalogue
/// rules that would flag the same breach afterwards; the CASE-* ids exist only at recording (docs/cases.md).
/// </summary>
public sealed record CaseRule(string Id, string Clause, string TitleZh)
{
    public static readonly CaseRule StepOrder = new("PROC-STEP-ORDER", "000 row 78", "纳入程序须按规定顺序逐步进行");
    public static readonly CaseRule NoticeShort = new("PROC-NOTICE-SHORT", "001 附#49", "村内公示不少于规定天数");
    public static readonly CaseRule ReleaseNoticeShort = new("PROC-RELEASE-NOTICE-SHORT", "004 #3（村公示未定天数，按 001 附#49 类推）", "风险消除村公示不少于规定天数，镇复核在公示期满后进行");
    public static readonly CaseRule ReleaseSteps = new("PROC-RELEASE-STEPS", "004 #3", "风险消除按村公示、镇复核、部门审定、县级公告四步进行，且只适用于已纳入的监测对象");
    public static readonly CaseRule FutureDate = new("CASE-DATE-FUTURE", "household-format.md case：已完成的步骤及其完成日期", "登记的是已完成事项，日期不能晚于当天");
    public static readonly CaseRule OpenCase = new("CASE-OPEN", "000 rows 26, 76；004 #3", "同一户同一时间只有一个在办案件；先立案再登记纳入程序");
    public static readonly CaseRule NotIncluded = new("CASE-NOT-INCLUDED", "001 附#50；000 row 83", "帮扶方案、帮扶措施针对县级审定纳入的监测对象");
    public static readonly CaseRule NotReleased = new("CASE-NOT-RELEASED", "004 #3", "回访在县级公告风险消除之后进行");
    public static readonly CaseRule MonitoringType = new("CASE-MONITORING-TYPE", "household-format.md monitoringType", "纳入监测须确定监测对象类型");
    public static readonly CaseRule Duplicate = new("CASE-DUPLICATE", "household-format.md case：每个步骤只记录一次", "同一事项不重复登记");
    public static readonly CaseRule Correction = new("CASE-CORRECTION", "household-format.md case；案件日志只增不改", "更正或作废须指明本户一条仍有效的原始登记并说明原因，更正后的全部登记须仍符合程序");
    public static readonly CaseRule Arguments = new("CASE-ARGUMENTS", "household-format.md", "命令参数须为记录格式允许的取值");

    /// <summary>Every rule, for documentation and tests.</summary>
    public static IReadOnlyList<CaseRule> All { get; } =
        [StepOrder, NoticeShort, ReleaseNoticeShort, ReleaseSteps, FutureDate, OpenCase, NotIncluded, NotReleased, MonitoringType, Duplicate, Correction, Arguments];
}
