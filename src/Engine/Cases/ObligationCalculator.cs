using Monitoring.Engine.Records;
using Monitoring.Rules.Calendars;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Codes;
using Monitoring.Rules.Expressions;
using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Cases;

/// <summary>
/// Every deadline the procedure sets for one household, taken from the PROC-* rules themselves (<see cref="RuleDeadlines"/>):
/// each deadline is the rule's own <c>deadline</c> value (calendar days for identification, State Council working days with
/// 调休 for helper and plan, months for measures and the revisit, the grace period for a case after an event), its clause is
/// the rule's <c>source</c>, its parameters those the rule declares, in force on the as-of date for the household's county.
/// Visits use the rule's period function (<c>fn.LastCompletePeriod</c>) on the cycle parameters the rule declares.
/// </summary>
public sealed class ObligationCalculator
{
    private const string Ident = "PROC-IDENT-OVERDUE";
    private const string PlanRule = "PROC-PLAN-OVERDUE";
    private const string MeasuresRule = "PROC-MEASURES-OVERDUE";
    private const string VisitRule = "PROC-VISIT-OVERDUE";
    private const string RevisitRule = "PROC-REVISIT-OVERDUE";
    private const string CandidateRule = "PROC-CANDIDATE-NO-CASE";
    private const string ReinclusionRule = "PROC-REINCLUSION";

    private readonly RuleSet _ruleSet;

    public ObligationCalculator(RuleSet ruleSet) => _ruleSet = ruleSet;

    /// <summary>
    /// All obligations of <paramref name="household"/> on <paramref name="asOf"/>, met or not. <paramref name="reinclusionFired"/>
    /// says PROC-REINCLUSION fired for the record on that date (a released household with a new risk).
    /// </summary>
    public IReadOnlyList<Obligation> For(HouseholdRecord household, DateOnly asOf, bool reinclusionFired = false)
    {
        ArgumentNullException.ThrowIfNull(household);
        var result = new List<Obligation>();
        var id = household.Id ?? "";
        var rules = new RuleDeadlines(_ruleSet, household, asOf);
        string Value(string rule, string name) => rules.Parameter(rule, name).RawValue;

        var c = household.Case;
        var state = CaseStates.Of(c);
        if (c?.OpenedOn is { } opened && state != CaseState.None)
        {
            result.Add(Identification(id, c, opened, rules, asOf, household.Region?.CountyCode ?? ""));
        }

        if (state is CaseState.Included or CaseState.Releasing or CaseState.Released)
        {
            var included = CaseStates.DateOf(c!.Inclusion, DomainLabels.CountyApproval.Code)!.Value;
            var days = Value(PlanRule, "planWorkingDays");
            var basis = $"县级审定 {included:yyyy-MM-dd} 后第 {days} 个工作日（国务院节假日安排，含调休上班日；{rules.Clause(PlanRule)}）";
            var due = rules.Deadline(PlanRule, out var notCovered);
            if (notCovered is not null)
            {
                basis += "；" + notCovered.Message;
            }
            else if (due is { } d && _ruleSet.Calendar.IsProvisional(d.Year))
            {
                basis += $"；{ProvisionalCalendar.MarkerZh}（{ProvisionalCalendar.BasisZh}），通知载入后重新计算";
            }

            result.Add(Deadline(id, CaseCommand.Helper, DomainLabels.CaseCommands.Zh(CaseCommand.Helper), due, household.Helper?.AssignedOn, asOf, PlanRule, basis));
            result.Add(Deadline(id, "plan", "制定“一户一策”帮扶方案", due, c.PlanOn, asOf, PlanRule, basis));
            var firstMeasure = (c.Measures ?? []).Where(m => m.Date is not null).Select(m => m.Date).Min();
            result.Add(Deadline(id, "measure", "落实首项帮扶措施", rules.Deadline(MeasuresRule, out _), firstMeasure, asOf, MeasuresRule,
                $"县级审定 {included:yyyy-MM-dd} 后 {Value(MeasuresRule, "measureMonths")} 个月内（{rules.Clause(MeasuresRule)}）"));
            if (state != CaseState.Released)
            {
                result.AddRange(Visits(id, "monitored-visit", DomainLabels.Categories.Zh("monitored"), Value(VisitRule, "monitoredVisitCycle"), included, household.Visits, asOf, rules));
            }
        }

        if (household.Category == "lifted" && household.Helper?.AssignedOn is { } assigned)
        {
            result.AddRange(Visits(id, "lifted-visit", DomainLabels.Categories.Zh("lifted"), Value(VisitRule, "liftedVisitCycle"), assigned, household.Visits, asOf, rules));
        }

        if (state == CaseState.Released)
        {
            result.Add(Revisit(id, c!, rules, asOf));
            if (reinclusionFired)
            {
                result.Add(new Obligation
                {
                    HouseholdId = id,
                    Kind = "reinclusion",
                    TitleZh = "风险消除后出现新风险，应按程序重新纳入（立案识别）",
                    Due = asOf,
                    Status = ObligationStatus.Open,
                    RuleId = ReinclusionRule,
                    BasisZh = $"{rules.Rule(ReinclusionRule).TitleZh}（{rules.Clause(ReinclusionRule)}）",
                });
            }
        }

        if (c is null && household.Category != "monitored" && CandidateCase(id, rules, asOf) is { } candidate)
        {
            result.Add(candidate);
        }

        return result;
    }

    private Obligation Identification(string id, CaseRecord c, DateOnly opened, RuleDeadlines rules, DateOnly asOf, string county)
    {
        var decided = new[] { CaseStates.DateOf(c.Inclusion, DomainLabels.CountyApproval.Code), CaseStates.DateOf(c.Inclusion, DomainLabels.Rejected.Code) }.Where(d => d is not null).Min();
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

        return Deadline(id, "identification", title, rules.Deadline(Ident, out _), decided, asOf, Ident,
            $"立案 {opened:yyyy-MM-dd} 后 {rules.Parameter(Ident, "maxIdentDays").RawValue} 个日历日内完成认定（{rules.Clause(Ident)}）");
    }

    private static IEnumerable<Obligation> Visits(string id, string kind, string who, string cycleText, DateOnly since, List<DateOnly>? visits, DateOnly asOf, RuleDeadlines rules)
    {
        var done = visits ?? [];
        var cycle = new VisitCycle(cycleText);
        var last = rules.Functions.LastCompletePeriod(cycleText, asOf);
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
                RuleId = VisitRule,
                BasisZh = $"{who}{cycle.Zh}至少入户走访一次，本周期 {period}（{rules.Clause(VisitRule)}）",
            };
        }
    }

    private static Obligation Revisit(string id, CaseRecord c, RuleDeadlines rules, DateOnly asOf)
    {
        var released = CaseStates.DateOf(c.Release!.Steps, DomainLabels.CountyAnnouncement.Code)!.Value;
        var due = rules.Deadline(RevisitRule, out _)!.Value;
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
            RuleId = RevisitRule,
            BasisZh = $"县级公告解除 {released:yyyy-MM-dd} 后 {rules.Parameter(RevisitRule, "revisitMonths").RawValue} 个月内回访（{rules.Clause(RevisitRule)}）",
        };
    }

    private static Obligation? CandidateCase(string id, RuleDeadlines rules, DateOnly asOf)
    {
        var window = (int)rules.Parameter(CandidateRule, "eventWindowDays").Number!.Value;
        var oldest = rules.Facts.EventsWithin(window).Where(e => e.IsSudden || e.IsDeclaration).OrderBy(e => e.Date).FirstOrDefault();
        if (oldest is null || rules.Deadline(CandidateRule, out _) is not { } due)
        {
            return null;
        }

        return new Obligation
        {
            HouseholdId = id,
            Kind = "candidate-case",
            TitleZh = $"立案启动识别（{oldest.KindZh} {oldest.Date:yyyy-MM-dd}）",
            Due = due,
            Status = asOf > due ? ObligationStatus.Overdue : ObligationStatus.Open,
            RuleId = CandidateRule,
            BasisZh = $"事件后 {rules.Parameter(CandidateRule, "candidateGraceDays").RawValue} 天内立案识别，严禁体外循环（{rules.Clause(CandidateRule)}；宽限期为县定参数 candidateGraceDays）",
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
