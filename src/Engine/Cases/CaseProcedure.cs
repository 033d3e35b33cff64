using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Cases;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Codes;
using Monitoring.Rules.Expressions;

namespace Monitoring.Engine.Cases;

/// <summary>
/// The case state machine of one region profile. The order of the inclusion and release steps and the notice length
/// are the profile's parameters (<c>inclusionOrder</c>, <c>releaseOrder</c>, <c>minNoticeDays</c>, in force on the
/// step's date for the household's county), not code. <see cref="Apply"/> returns the household record as it is after
/// the command, or refuses the command with a <see cref="CaseRejectedException"/> naming the rule and its clause.
/// </summary>
public sealed class CaseProcedure
{
    public const string Candidate = "candidate";

    /// <summary>The note of the event <c>open</c> records for a declaration or warning not yet recorded.</summary>
    public const string OpenedEventNote = "立案登记";

    /// <summary>The release notice's minimum length (catalogue v2, county-set); read as <c>minNoticeDays</c> where the rules do not define it.</summary>
    public const string ReleaseNoticeParameter = "minReleaseNoticeDays";

    public CaseProcedure(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
        Rules = new CaseRules(ruleSet);
    }

    public RuleSet RuleSet { get; }

    /// <summary>The rules and checks this procedure refuses by, as the rule set defines them.</summary>
    public CaseRules Rules { get; }

    /// <summary>The inclusion stages in force on <paramref name="date"/> for a county (steps of one stage may come in any order).</summary>
    public IReadOnlyList<IReadOnlyList<string>> InclusionStages(string countyCode, DateOnly date) => Stages("inclusionOrder", countyCode, date);

    /// <summary>The release stages in force on <paramref name="date"/> for a county.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ReleaseStages(string countyCode, DateOnly date) => Stages("releaseOrder", countyCode, date);

    /// <summary>
    /// The household as it is after <paramref name="command"/>; <paramref name="current"/> is not changed.
    /// <paramref name="today"/> is the command's as-of: nothing may be recorded as done after it.
    /// </summary>
    public HouseholdRecord Apply(HouseholdRecord current, CaseCommand command, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(current);
        command = Normalize(command);
        if (command.Date > today)
        {
            throw Rules.Refusal(CaseRuleIds.FutureDate, $"日期 {Text(command.Date)} 晚于当天 {Text(today)}，只能登记已经完成的事项");
        }

        var next = CanonicalRecord.Clone(current);
        var county = next.Region?.CountyCode ?? "";
        switch (command.Name)
        {
            case CaseCommand.Open:
                Open(next, command, county);
                break;
            case CaseCommand.Step:
                InclusionStep(next, command, county);
                break;
            case CaseCommand.Helper:
                AssignHelper(next, command);
                break;
            case CaseCommand.Plan:
                Plan(next, command);
                break;
            case CaseCommand.Measure:
                Measure(next, command);
                break;
            case CaseCommand.Visit:
                next.Visits = AddDate(next.Visits, command.Date, "入户走访");
                break;
            case CaseCommand.ReleaseStep:
                ReleaseStep(next, command, county);
                break;
            case CaseCommand.Revisit:
                Revisit(next, command);
                break;
            default:
                throw Rules.Refusal(CaseRuleIds.Arguments, $"未知的案件命令 {command.Name}，应为以下之一：{string.Join(" | ", CaseCommand.Names)}");
        }

        return next;
    }

    /// <summary>
    /// The command with its step, measure kind, type and trigger read as codes: each may be typed as the code or as the
    /// Chinese label printed by the tools (发放风险预警告知书, 医疗); a value that is neither is refused with the nearest ones
    /// (您是不是要输入 …？).
    /// </summary>
    public CaseCommand Normalize(CaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var steps = command.Name == CaseCommand.ReleaseStep ? DomainLabels.ReleaseSteps : DomainLabels.InclusionSteps;
        return command with
        {
            StepName = Code(steps, command.StepName),
            MeasureKind = Code(DomainLabels.MeasureKinds, command.MeasureKind),
            MonitoringType = Code(DomainLabels.MonitoringTypes, command.MonitoringType),
            Trigger = Code(DomainLabels.Triggers, command.Trigger),
        };
    }

    private string? Code(CodeFamily family, string? text) =>
        text is null ? null : family.Resolve(text) ?? throw Rules.Refusal(CaseRuleIds.Arguments, family.UnknownMessage(text));

    private void Open(HouseholdRecord household, CaseCommand command, string county)
    {
        var state = CaseStates.Of(household.Case);
        if (CaseStates.IsActive(state))
        {
            throw Rules.Refusal(CaseRuleIds.OpenCase, $"该户已有在办案件（{CaseStates.Zh(state)}，立案日期 {Text(household.Case!.OpenedOn)}），不能重复立案");
        }

        var trigger = command.Trigger ?? Candidate;
        if (LastDate(household.Case) is { } previous && command.Date < previous)
        {
            throw Rules.Refusal(CaseRuleIds.OpenCase, $"立案日期 {Text(command.Date)} 早于上一案件的最后一步（{Text(previous)}）");
        }

        household.Case = new CaseRecord
        {
            OpenedOn = command.Date,
            Trigger = trigger,
            ProposedType = command.MonitoringType,
            Inclusion = [],
            Measures = [],
        };
        if (trigger != Candidate)
        {
            var window = RuleSet.Parameters.Resolve("eventWindowDays", county, command.Date).Number!.Value;
            var recorded = (household.Events ?? []).Any(e => e.Kind == trigger && e.Date <= command.Date && e.Date >= command.Date.AddDays(-(int)window));
            if (!recorded)
            {
                household.Events = [.. household.Events ?? [], new EventRecord { Date = command.Date, Kind = trigger, Note = OpenedEventNote }];
            }
        }
    }

    private void InclusionStep(HouseholdRecord household, CaseCommand command, string county)
    {
        var step = command.StepName ?? throw Rules.Refusal(CaseRuleIds.Arguments, "缺少 --step（纳入程序步骤）");
        var c = household.Case;
        var state = CaseStates.Of(c);
        switch (state)
        {
            case CaseState.None:
                throw Rules.Refusal(CaseRuleIds.OpenCase, $"该户尚未立案，不能登记「{StepNames.Zh(step)}」；请先 case open");
            case CaseState.Rejected:
                throw Rules.Refusal(CaseRuleIds.OpenCase, $"该户案件已于 {Text(CaseStates.DateOf(c!.Inclusion, "rejected"))} 不予纳入，须重新立案");
            case CaseState.Included or CaseState.Releasing or CaseState.Released:
                throw Rules.Refusal(CaseRuleIds.StepOrder, $"该户已于 {Text(CaseStates.DateOf(c!.Inclusion, "county_approval"))} 县级审定纳入，纳入程序已完成，不能再登记「{StepNames.Zh(step)}」");
        }

        var inclusion = c!.Inclusion ??= [];
        var stages = InclusionStages(county, command.Date);
        if (step != "rejected" && !stages.Any(s => s.Contains(step)))
        {
            throw Rules.Refusal(CaseRuleIds.Arguments, $"纳入程序步骤「{StepNames.Zh(step)}」（{step}）不在本地区规定的顺序中，应为以下之一：{string.Join(" | ", stages.SelectMany(s => s).Append("rejected").Select(Labelled))}");
        }

        if (inclusion.Any(s => s.Step == step))
        {
            throw Rules.Refusal(CaseRuleIds.Duplicate, $"「{StepNames.Zh(step)}」已于 {Text(CaseStates.DateOf(inclusion, step))} 登记，不能重复登记");
        }

        if (step == "rejected")
        {
            CheckNotBefore(CaseRuleIds.StepOrder, command.Date, inclusion, c.OpenedOn, step);
            inclusion.Add(new CaseStepRecord { Step = step, Date = command.Date });
            return;
        }

        CheckOrder(CaseRuleIds.StepOrder, stages, inclusion, step, command.Date, c.OpenedOn, "立案");
        if (step == "public_notice")
        {
            CheckNotice(command, county);
        }

        if (step == "town_review" && inclusion.FirstOrDefault(s => s.Step == "public_notice") is { Until: { } until } && command.Date <= until)
        {
            throw Rules.Refusal(CaseRuleIds.NoticeShort, $"村内公示至 {Text(until)} 才期满，镇（办）审核（{Text(command.Date)}）须在公示期满后进行");
        }

        if (step == "county_approval")
        {
            var type = command.MonitoringType ?? c.ProposedType
                ?? throw Rules.Refusal(CaseRuleIds.MonitoringType, "县级审定纳入须确定监测对象类型：立案时未给出 --type，请在本步骤用 --type unstable|marginal|hardship 指定");
            household.Category = "monitored";
            household.MonitoringType = type;
        }

        inclusion.Add(new CaseStepRecord { Step = step, Date = command.Date, Until = step == "public_notice" ? command.Until : null });
    }

    private void CheckNotice(CaseCommand command, string county)
    {
        if (command.Until is not { } until)
        {
            throw Rules.Refusal(CaseRuleIds.NoticeShort, "村内公示须给出 --until 公示截止日期，才能核对公示天数");
        }

        if (until < command.Date)
        {
            throw Rules.Refusal(CaseRuleIds.Arguments, $"公示截止日期 {Text(until)} 早于公示开始日期 {Text(command.Date)}");
        }

        var minimum = (int)RuleSet.Parameters.Resolve("minNoticeDays", county, command.Date).Number!.Value;
        var days = until.DayNumber - command.Date.DayNumber + 1;
        if (days < minimum)
        {
            throw Rules.Refusal(CaseRuleIds.NoticeShort, $"村内公示 {Text(command.Date)} 至 {Text(until)} 共 {days} 天，少于规定的 {minimum} 天（含首尾两天）");
        }
    }

    /// <summary>
    /// The release village notice (004 #3 「村公示」) gives no length; read by analogy with the inclusion notice (001 附#49
    /// 「村内公示不少于5天」): at least <c>minReleaseNoticeDays</c> days counting both ends, a county-set parameter of the
    /// catalogue v2 (PROC-RELEASE-NOTICE-SHORT); where the rules do not define it, <c>minNoticeDays</c> is read.
    /// </summary>
    private void CheckReleaseNotice(CaseCommand command, string county)
    {
        if (command.Until is not { } until)
        {
            throw Rules.Refusal(CaseRuleIds.ReleaseNoticeShort, "村公示须给出 --until 公示截止日期，才能核对公示天数");
        }

        var parameter = RuleSet.Parameters.Definitions.ContainsKey(ReleaseNoticeParameter) ? ReleaseNoticeParameter : "minNoticeDays";
        var minimum = (int)RuleSet.Parameters.Resolve(parameter, county, command.Date).Number!.Value;
        var days = until.DayNumber - command.Date.DayNumber + 1;
        if (days < minimum)
        {
            throw Rules.Refusal(CaseRuleIds.ReleaseNoticeShort, $"村公示 {Text(command.Date)} 至 {Text(until)} 共 {days} 天，少于规定的 {minimum} 天（含首尾两天；参数 {parameter}）");
        }
    }

    private void AssignHelper(HouseholdRecord household, CaseCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.HelperName))
        {
            throw Rules.Refusal(CaseRuleIds.Arguments, "缺少 --name（帮扶责任人姓名）");
        }

        if (household.Helper is { AssignedOn: { } previous } helper && command.Date < previous)
        {
            throw Rules.Refusal(CaseRuleIds.StepOrder, $"结对日期 {Text(command.Date)} 早于现任帮扶人 {helper.Name} 的结对日期 {Text(previous)}");
        }

        if (household.Helper is { } same && same.Name == command.HelperName.Trim())
        {
            throw Rules.Refusal(CaseRuleIds.Duplicate, $"{same.Name} 已于 {Text(same.AssignedOn)} 结对本户");
        }

        household.Helper = new HelperRecord { Name = command.HelperName.Trim(), AssignedOn = command.Date };
    }

    private void Plan(HouseholdRecord household, CaseCommand command)
    {
        var c = RequireIncluded(household, command, "制定“一户一策”帮扶方案");
        if (c.PlanOn is { } planned)
        {
            throw Rules.Refusal(CaseRuleIds.Duplicate, $"帮扶方案已于 {Text(planned)} 登记");
        }

        c.PlanOn = command.Date;
    }

    private void Measure(HouseholdRecord household, CaseCommand command)
    {
        var kind = command.MeasureKind ?? throw Rules.Refusal(CaseRuleIds.Arguments, "缺少 --kind（帮扶措施类别）");

        var c = RequireIncluded(household, command, "落实帮扶措施");
        var measures = c.Measures ??= [];
        if (measures.Any(m => m.Kind == kind && m.Date == command.Date))
        {
            throw Rules.Refusal(CaseRuleIds.Duplicate, $"{Text(command.Date)} 的{CaseTexts.Measure(kind)}（{kind}）措施已登记");
        }

        measures.Add(new MeasureRecord { Kind = kind, Date = command.Date });
    }

    private void ReleaseStep(HouseholdRecord household, CaseCommand command, string county)
    {
        var step = command.StepName ?? throw Rules.Refusal(CaseRuleIds.Arguments, "缺少 --step（风险消除步骤）");
        var c = household.Case;
        var state = CaseStates.Of(c);
        if (state is CaseState.None or CaseState.Identifying or CaseState.Rejected)
        {
            throw Rules.Refusal(CaseRuleIds.ReleaseSteps, $"该户未经县级审定纳入监测（案件状态：{CaseStates.Zh(state)}），不能登记风险消除步骤「{StepNames.Zh(step)}」");
        }

        if (state == CaseState.Released)
        {
            throw Rules.Refusal(CaseRuleIds.ReleaseSteps, $"该户已于 {Text(CaseStates.DateOf(c!.Release!.Steps, "county_announcement"))} 县级公告解除，风险消除程序已完成");
        }

        var stages = ReleaseStages(county, command.Date);
        if (!stages.Any(s => s.Contains(step)))
        {
            throw Rules.Refusal(CaseRuleIds.Arguments, $"风险消除步骤「{StepNames.Zh(step)}」（{step}）不在本地区规定的顺序中，应为以下之一：{string.Join(" | ", stages.SelectMany(s => s).Select(Labelled))}");
        }

        var release = c!.Release ??= new ReleaseRecord();
        var steps = release.Steps ??= [];
        if (steps.Any(s => s.Step == step))
        {
            throw Rules.Refusal(CaseRuleIds.Duplicate, $"「{StepNames.Zh(step)}」已于 {Text(CaseStates.DateOf(steps, step))} 登记，不能重复登记");
        }

        CheckOrder(CaseRuleIds.ReleaseSteps, stages, steps, step, command.Date, CaseStates.DateOf(c.Inclusion, DomainLabels.CountyApproval.Code), "县级审定纳入");
        if (command.Until is { } until && until < command.Date)
        {
            throw Rules.Refusal(CaseRuleIds.Arguments, $"公示截止日期 {Text(until)} 早于公示开始日期 {Text(command.Date)}");
        }

        if (step == DomainLabels.VillageNotice.Code)
        {
            CheckReleaseNotice(command, county);
        }
        else if (command.Until is not null)
        {
            throw Rules.Refusal(CaseRuleIds.Arguments, $"--until 只用于「{DomainLabels.VillageNotice.Zh}」，「{StepNames.Zh(step)}」没有公示期");
        }

        if (step == DomainLabels.TownRecheck.Code && steps.FirstOrDefault(s => s.Step == DomainLabels.VillageNotice.Code) is { Until: { } noticeEnds } && command.Date <= noticeEnds)
        {
            throw Rules.Refusal(CaseRuleIds.ReleaseNoticeShort, $"村公示至 {Text(noticeEnds)} 才期满，镇复核（{Text(command.Date)}）须在公示期满后进行");
        }

        steps.Add(new CaseStepRecord { Step = step, Date = command.Date, Until = command.Until });
        if (step == "county_announcement")
        {
            household.Category = household.MonitoringType == "unstable" ? "lifted" : "ordinary";
            household.MonitoringType = null;
        }
    }

    private void Revisit(HouseholdRecord household, CaseCommand command)
    {
        var c = household.Case;
        if (CaseStates.Of(c) != CaseState.Released)
        {
            throw Rules.Refusal(CaseRuleIds.NotReleased, $"该户尚未县级公告解除（案件状态：{CaseStates.Zh(CaseStates.Of(c))}），不能登记解除后的回访");
        }

        var released = CaseStates.DateOf(c!.Release!.Steps, "county_announcement")!.Value;
        if (command.Date <= released)
        {
            throw Rules.Refusal(CaseRuleIds.NotReleased, $"回访日期 {Text(command.Date)} 不在县级公告解除（{Text(released)}）之后");
        }

        c.Release.Revisits = AddDate(c.Release.Revisits, command.Date, "回访");
    }

    private CaseRecord RequireIncluded(HouseholdRecord household, CaseCommand command, string what)
    {
        var c = household.Case;
        var state = CaseStates.Of(c);
        if (state is not (CaseState.Included or CaseState.Releasing))
        {
            throw Rules.Refusal(CaseRuleIds.NotIncluded, $"该户不是在监测帮扶中的监测对象（案件状态：{CaseStates.Zh(state)}），不能{what}");
        }

        var included = CaseStates.DateOf(c!.Inclusion, "county_approval")!.Value;
        if (command.Date < included)
        {
            throw Rules.Refusal(CaseRuleIds.NotIncluded, $"{what}的日期 {Text(command.Date)} 早于县级审定纳入日期 {Text(included)}");
        }

        return c;
    }

    /// <summary>
    /// The step's stage must follow every recorded step's stage, every earlier stage must be complete, and its date must not
    /// be before the dates of the earlier steps (nor the case's start).
    /// </summary>
    private void CheckOrder(string ruleId, IReadOnlyList<IReadOnlyList<string>> stages, List<CaseStepRecord> recorded, string step, DateOnly date, DateOnly? start, string startName)
    {
        var stage = IndexOf(stages, step);
        if (recorded.FirstOrDefault(s => IndexOf(stages, s.Step) > stage) is { } later)
        {
            throw Rules.Refusal(ruleId, $"已登记其后的「{StepNames.Zh(later.Step!)}」（{Text(later.Date)}），不能再补登「{StepNames.Zh(step)}」");
        }

        var missing = stages.Take(stage).SelectMany(s => s).Where(s => recorded.All(r => r.Step != s)).ToList();
        if (missing.Count > 0)
        {
            var detail = step == "county_approval" && missing.Contains("town_review")
                ? "县级审定公告前须经镇（办）审核：尚未登记「镇（办）审核」"
                : $"须先完成「{string.Join("」「", missing.Select(StepNames.Zh))}」，才能登记「{StepNames.Zh(step)}」";
            throw Rules.Refusal(ruleId, detail);
        }

        if (start is { } opened && date < opened)
        {
            throw Rules.Refusal(ruleId, $"「{StepNames.Zh(step)}」的日期 {Text(date)} 早于{startName}日期 {Text(opened)}");
        }

        var previous = recorded.Where(r => IndexOf(stages, r.Step) < stage && r.Date > date).OrderByDescending(r => r.Date).FirstOrDefault();
        if (previous is not null)
        {
            throw Rules.Refusal(ruleId, $"「{StepNames.Zh(step)}」的日期 {Text(date)} 早于前一步骤「{StepNames.Zh(previous.Step!)}」的日期 {Text(previous.Date)}");
        }
    }

    private void CheckNotBefore(string ruleId, DateOnly date, List<CaseStepRecord> recorded, DateOnly? opened, string step)
    {
        var latest = recorded.Where(r => r.Date is not null).Select(r => r.Date!.Value).Append(opened ?? DateOnly.MinValue).Max();
        if (date < latest)
        {
            throw Rules.Refusal(ruleId, $"「{StepNames.Zh(step)}」的日期 {Text(date)} 早于此前已登记的最后一步（{Text(latest)}）");
        }
    }

    private IReadOnlyList<IReadOnlyList<string>> Stages(string parameter, string countyCode, DateOnly date) =>
        RuleFunctions.ParseOrder(RuleSet.Parameters.Resolve(parameter, countyCode, date).RawValue);

    private static int IndexOf(IReadOnlyList<IReadOnlyList<string>> stages, string? step)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            if (step is not null && stages[i].Contains(step))
            {
                return i;
            }
        }

        return -1;
    }


    private List<DateOnly> AddDate(List<DateOnly>? dates, DateOnly date, string what)
    {
        var list = dates ?? [];
        if (list.Contains(date))
        {
            throw Rules.Refusal(CaseRuleIds.Duplicate, $"{Text(date)} 的{what}已登记");
        }

        return [.. list.Append(date).Order()];
    }

    private static DateOnly? LastDate(CaseRecord? c)
    {
        if (c is null)
        {
            return null;
        }

        var dates = (c.Inclusion ?? []).Concat(c.Release?.Steps ?? []).Select(s => s.Date).Append(c.OpenedOn)
            .Concat((c.Release?.Revisits ?? []).Select(d => (DateOnly?)d));
        return dates.Max();
    }

    private static string Labelled(string step) => $"{step}（{StepNames.Zh(step)}）";

    private static string Text(DateOnly? date) => date is { } d ? CaseCommand.Text(d) : "（未记录）";
}
