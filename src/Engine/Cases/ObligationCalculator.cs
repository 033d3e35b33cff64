using Monitoring.Engine.Records;
using Monitoring.Rules.Calendars;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Expressions;
using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Cases;

/// <summary>
/// Every deadline the procedure sets for one household, computed exactly as the PROC-* rules read them: calendar days for
/// identification, State Council working days (调休 included) for helper and plan, months for measures and the revisit, the
/// visit cycles of the profile. Parameters are those in force on the as-of date for the household's county, as in the rules.
/// </summary>
public sealed class ObligationCalculator
{
    private readonly RuleSet _ruleSet;
    private readonly RuleFunctions _functions;

    public ObligationCalculator(RuleSet ruleSet)
    {
        _ruleSet = ruleSet;
        _functions = new RuleFunctions(ruleSet.Calendar);
    }

    /// <summary>
    /// All obligations of <paramref name="household"/> on <paramref name="asOf"/>, met or not. <paramref name="reinclusionFired"/>
    /// says PROC-REINCLUSION fired for the record on that date (a released household with a new risk).
    /// </summary>
    public IReadOnlyList<Obligation> For(HouseholdRecord household, DateOnly asOf, bool reinclusionFired = false)
    {
        ArgumentNullException.ThrowIfNull(household);
        var result = new List<Obligation>();
        var id = household.Id ?? "";
        var county = household.Region?.CountyCode ?? "";
        int Int(string name) => (int)_ruleSet.Parameters.Resolve(name, county, asOf).Number!.Value;
        string Text(string name) => _ruleSet.Parameters.Resolve(name, county, asOf).RawValue;

        var c = household.Case;
        var state = CaseStates.Of(c);
        if (c?.OpenedOn is { } opened && state != CaseState.None)
        {
            result.Add(Identification(id, c, opened, Int("maxIdentDays"), asOf, county));
        }

        if (state is CaseState.Included or CaseState.Releasing or CaseState.Released)
        {
            var included = CaseStates.DateOf(c!.Inclusion, "county_approval")!.Value;
            var days = Int("planWorkingDays");
            var basis = $"县级审定 {included:yyyy-MM-dd} 后第 {days} 个工作日（国务院节假日安排，含调休上班日；001 附#50）";
            DateOnly? due;
            try
            {
                due = _ruleSet.Calendar.AddWorkingDays(included, days, out var provisional);
                if (provisional)
                {
                    basis += $"；{ProvisionalCalendar.MarkerZh}（{ProvisionalCalendar.BasisZh}），通知载入后重新计算";
                }
            }
            catch (CalendarNotCoveredException ex)
            {
                due = null;
                basis += "；" + ex.Message;
            }

            result.Add(Deadline(id, "helper", "明确帮扶责任人", due, household.Helper?.AssignedOn, asOf, "PROC-PLAN-OVERDUE", basis));
            result.Add(Deadline(id, "plan", "制定“一户一策”帮扶方案", due, c.PlanOn, asOf, "PROC-PLAN-OVERDUE", basis));
            var months = Int("measureMonths");
            var firstMeasure = (c.Measures ?? []).Where(m => m.Date is not null).Select(m => m.Date).Min();
            result.Add(Deadline(id, "measure", "落实首项帮扶措施", included.AddMonths(months), firstMeasure, asOf, "PROC-MEASURES-OVERDUE",
                $"县级审定 {included:yyyy-MM-dd} 后 {months} 个月内（000 row 83）"));
            if (state != CaseState.Released)
            {
                result.AddRange(Visits(id, "monitored-visit", "监测户", new VisitCycle(Text("monitoredVisitCycle")), Text("monitoredVisitCycle"), included, household.Visits, asOf,
                    "000 rows 34, 81；001 附#50；004 #2"));
            }
        }

        if (household.Category == "lifted" && household.Helper?.AssignedOn is { } assigned)
        {
            result.AddRange(Visits(id, "lifted-visit", "脱贫户", new VisitCycle(Text("liftedVisitCycle")), Text("liftedVisitCycle"), assigned, household.Visits, asOf,
                "000 rows 34, 81；004 #2；001 正文第5条"));
        }

        if (state == CaseState.Released)
        {
            result.Add(Revisit(id, c!, Int("revisitMonths"), asOf));
            if (reinclusionFired)
            {
                result.Add(new Obligation
                {
                    HouseholdId = id,
                    Kind = "reinclusion",
                    TitleZh = "风险消除后出现新风险，应按程序重新纳入（立案识别）",
                    Due = asOf,
                    Status = ObligationStatus.Open,
                    RuleId = "PROC-REINCLUSION",
                    BasisZh = "004 #3：监测对象风险消除后，若新出现致贫返贫风险，按程序纳入监测对象",
                });
            }
        }

        if (c is null && household.Category != "monitored" && CandidateCase(household, Int("eventWindowDays"), Int("candidateGraceDays"), asOf) is { } candidate)
        {
            result.Add(candidate);
        }

        return result;
    }

    private Obligation Identification(string id, CaseRecord c, DateOnly opened, int maxDays, DateOnly asOf, string county)
    {
        var due = opened.AddDays(maxDays);
        var decided = new[] { CaseStates.DateOf(c.Inclusion, "county_approval"), CaseStates.DateOf(c.Inclusion, "rejected") }.Where(d => d is not null).Min();
        var title = "认定（县级审定或不予纳入）";
        if (decided is null)
        {
            var stages = RuleFunctions.ParseOrder(_ruleSet.Parameters.Resolve("inclusionOrder", county, asOf).RawValue);
            var next = stages.Select(s => s.Where(step => (c.Inclusion ?? []).All(r => r.Step != step)).ToList()).FirstOrDefault(s => s.Count > 0);
            if (next is not null)
            {
                title = $"认定，下一步「{string.Join("」或「", next.Select(StepNames.Zh))}」";
            }
        }

        return Deadline(id, "identification", title, due, decided, asOf, "PROC-IDENT-OVERDUE", $"立案 {opened:yyyy-MM-dd} 后 {maxDays} 个日历日内完成认定（001 附#49）");
    }

    private IEnumerable<Obligation> Visits(string id, string kind, string who, VisitCycle cycle, string cycleText, DateOnly since, List<DateOnly>? visits, DateOnly asOf, string clause)
    {
        var done = visits ?? [];
        var rule = "PROC-VISIT-OVERDUE";
        var last = _functions.LastCompletePeriod(cycleText, asOf);
        foreach (var period in new[] { last, cycle.CurrentOrNext(asOf) })
        {
            if (since >= period.Start)
            {
                continue;
            }

            var visit = done.Where(period.Contains).Order().Cast<DateOnly?>().FirstOrDefault();
            yield return new Obligation
            {
                HouseholdId = id,
                Kind = kind,
                TitleZh = $"{who}{cycle.Zh}入户走访（{period}）",
                Due = period.End,
                DoneOn = visit,
                Status = visit is not null ? ObligationStatus.Met : asOf > period.End ? ObligationStatus.Overdue : ObligationStatus.Open,
                RuleId = rule,
                BasisZh = $"{who}{cycle.Zh}至少入户走访一次，本周期 {period}（{clause}）",
            };
        }
    }

    private static Obligation Revisit(string id, CaseRecord c, int months, DateOnly asOf)
    {
        var released = CaseStates.DateOf(c.Release!.Steps, "county_announcement")!.Value;
        var due = released.AddMonths(months);
        var revisits = (c.Release.Revisits ?? []).Where(v => v > released).Order().ToList();
        var onTime = revisits.Where(v => v <= due).Cast<DateOnly?>().FirstOrDefault();
        var late = revisits.Where(v => v > due).Cast<DateOnly?>().FirstOrDefault();
        return new Obligation
        {
            HouseholdId = id,
            Kind = "revisit",
            TitleZh = "风险消除后回访",
            Due = due,
            DoneOn = onTime ?? late,
            Status = onTime is not null ? ObligationStatus.Met : asOf <= due ? ObligationStatus.Open : late is not null ? ObligationStatus.MetLate : ObligationStatus.Overdue,
            RuleId = "PROC-REVISIT-OVERDUE",
            BasisZh = $"县级公告解除 {released:yyyy-MM-dd} 后 {months} 个月内回访（004 #3）",
        };
    }

    private static Obligation? CandidateCase(HouseholdRecord household, int window, int grace, DateOnly asOf)
    {
        var oldest = (household.Events ?? [])
            .Where(e => e.Date is { } d && asOf.DayNumber - d.DayNumber >= 0 && asOf.DayNumber - d.DayNumber <= window)
            .Select(e => new EventFacts { Date = e.Date!.Value, Kind = e.Kind ?? "" })
            .Where(e => e.IsSudden || e.IsDeclaration)
            .OrderBy(e => e.Date)
            .FirstOrDefault();
        if (oldest is null)
        {
            return null;
        }

        var due = oldest.Date.AddDays(grace);
        return new Obligation
        {
            HouseholdId = household.Id ?? "",
            Kind = "candidate-case",
            TitleZh = $"立案启动识别（{oldest.KindZh} {oldest.Date:yyyy-MM-dd}）",
            Due = due,
            Status = asOf > due ? ObligationStatus.Overdue : ObligationStatus.Open,
            RuleId = "PROC-CANDIDATE-NO-CASE",
            BasisZh = $"事件后 {grace} 天内立案识别，严禁体外循环（000 rows 26, 76；宽限期为县定参数 candidateGraceDays）",
        };
    }

    private static Obligation Deadline(string id, string kind, string title, DateOnly? due, DateOnly? done, DateOnly asOf, string rule, string basis) => new()
    {
        HouseholdId = id,
        Kind = kind,
        TitleZh = title,
        Due = due,
        DoneOn = done,
        Status = due is not { } d
            ? ObligationStatus.Unknown
            : done is { } at ? (at <= d ? ObligationStatus.Met : ObligationStatus.MetLate) : asOf > d ? ObligationStatus.Overdue : ObligationStatus.Open,
        RuleId = rule,
        BasisZh = basis,
    };
}
