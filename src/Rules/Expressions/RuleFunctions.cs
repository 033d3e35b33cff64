using System.Globalization;
using Monitoring.Rules.Calendars;
using Monitoring.Rules.Codes;
using Monitoring.Rules.Facts;

namespace Monitoring.Rules.Expressions;

/// <summary>
/// Typed helper functions rule expressions call as <c>fn.Name(...)</c>: calendar arithmetic on the
/// profile's working-day calendar, ages, month arithmetic, reporting periods and step orders.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Rule expressions call these through the fn instance; dynamic LINQ binds instance members.")]
public sealed class RuleFunctions
{
    private readonly WorkingDayCalendar _calendar;
    private readonly Func<HouseholdFacts, DateOnly, IReadOnlyList<string>>? _riskRulesAsOf;
    private readonly Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> _orders = new(StringComparer.Ordinal);
    private readonly Func<HouseholdFacts, DateOnly, IReadOnlyList<string>>? _riskCategoriesAsOf;
    private readonly Dictionary<(string Cycle, DateOnly AsOf), Period> _periods = [];
    private readonly Dictionary<(string Windows, DateOnly AsOf), IReadOnlyList<Period>> _screeningWindows = [];
    private readonly Dictionary<DateOnly, IReadOnlyList<EducationTerm>> _termsDue = [];
    private readonly Dictionary<string, Dictionary<string, string[]>> _measureMaps = new(StringComparer.Ordinal);

    public RuleFunctions(WorkingDayCalendar calendar, Func<HouseholdFacts, DateOnly, IReadOnlyList<string>>? riskRulesAsOf = null,
        Func<HouseholdFacts, DateOnly, IReadOnlyList<string>>? riskCategoriesAsOf = null)
    {
        _calendar = calendar;
        _riskRulesAsOf = riskRulesAsOf;
        _riskCategoriesAsOf = riskCategoriesAsOf;
    }

    /// <summary>
    /// The format 1.1 field a condition found absent while the current rule was evaluated (null when none): the rule then
    /// reports the household <em>not evaluable</em> instead of a finding. The evaluator clears it before each rule.
    /// </summary>
    public string? AbsentField { get; private set; }

    /// <summary>
    /// A working-day deadline read while the current rule was evaluated was counted on a provisional calendar (a year without its
    /// notice): the finding is marked <see cref="ProvisionalCalendar.MarkerZh"/>. Cleared before each rule.
    /// </summary>
    public bool ProvisionalCalendarUsed { get; private set; }

    /// <summary>Clears <see cref="AbsentField"/> and <see cref="ProvisionalCalendarUsed"/> (before each rule).</summary>
    public void BeginRule()
    {
        AbsentField = null;
        ProvisionalCalendarUsed = false;
    }

    /// <summary>Marks the current rule not evaluable for want of <paramref name="field"/>; always false, so the condition fails.</summary>
    public bool Absent(string field)
    {
        AbsentField ??= field;
        return false;
    }

    public WorkingDayCalendar Calendar => _calendar;

    /// <summary>Calendar days from <paramref name="from"/> to <paramref name="to"/> (to − from).</summary>
    public int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>"N days after D" is D + N.</summary>
    public DateOnly AddDays(DateOnly date, int days) => date.AddDays(days);

    /// <summary>"One month after D" is the same day of the next month (clamped to the month's last day).</summary>
    public DateOnly AddMonths(DateOnly date, int months) => date.AddMonths(months);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="date"/> on the State Council calendar (调休 included).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int count)
    {
        var due = _calendar.AddWorkingDays(date, count, out var provisional);
        ProvisionalCalendarUsed |= provisional;
        return due;
    }

    /// <summary>Full years of age on <paramref name="date"/>.</summary>
    public int AgeAt(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        if (date.Month < birthDate.Month || (date.Month == birthDate.Month && date.Day < birthDate.Day))
        {
            age--;
        }

        return age;
    }

    /// <summary>
    /// The last complete reporting period before <paramref name="asOf"/>: <c>month</c> (the calendar month before
    /// as-of's month), <c>quarter</c> (the calendar quarter before as-of's quarter), or <c>months:3,8,11</c>
    /// (the latest listed month that ended before as-of's month).
    /// </summary>
    public Period LastCompletePeriod(string cycle, DateOnly asOf)
    {
        if (!_periods.TryGetValue((cycle, asOf), out var period))
        {
            period = ComputeLastCompletePeriod(cycle, asOf);
            _periods[(cycle, asOf)] = period;
        }

        return period;
    }

    private static Period ComputeLastCompletePeriod(string cycle, DateOnly asOf)
    {
        var monthStart = new DateOnly(asOf.Year, asOf.Month, 1);
        if (cycle == "month")
        {
            var start = monthStart.AddMonths(-1);
            return new Period(start, monthStart.AddDays(-1));
        }

        if (cycle == "quarter")
        {
            var quarterStart = new DateOnly(asOf.Year, ((asOf.Month - 1) / 3 * 3) + 1, 1);
            return new Period(quarterStart.AddMonths(-3), quarterStart.AddDays(-1));
        }

        if (cycle == "halfmonth")
        {
            // Half-months are the 1st–15th and the 16th–end of a month (a reading of 000 row 74 「每半月」).
            return asOf.Day > 15
                ? new Period(monthStart, monthStart.AddDays(14))
                : new Period(monthStart.AddMonths(-1).AddDays(15), monthStart.AddDays(-1));
        }

        if (cycle == "week")
        {
            // Weeks run Monday to Sunday; the week containing as-of is not complete.
            var monday = asOf.AddDays(-(((int)asOf.DayOfWeek + 6) % 7));
            return new Period(monday.AddDays(-7), monday.AddDays(-1));
        }

        if (cycle.StartsWith("months:", StringComparison.Ordinal))
        {
            var months = cycle["months:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToHashSet();
            for (var candidate = monthStart.AddMonths(-1); candidate > monthStart.AddYears(-2); candidate = candidate.AddMonths(-1))
            {
                if (months.Contains(candidate.Month))
                {
                    return new Period(candidate, candidate.AddMonths(1).AddDays(-1));
                }
            }
        }

        throw new ArgumentException($"未知的走访周期 {cycle}（应为 month、quarter、halfmonth、week 或 months:3,8,11）", nameof(cycle));
    }

    /// <summary>
    /// The screening windows (集中排查) whose deadline has passed and lies in the 12 months up to as-of (as-of minus 12 months
    /// exclusive). <paramref name="windows"/> is <c>none</c> or a list like <c>01-01..05-31, 06-01..10-31</c> (month-day ranges).
    /// </summary>
    public IReadOnlyList<Period> ScreeningWindowsDue(string windows, DateOnly asOf)
    {
        if (!_screeningWindows.TryGetValue((windows, asOf), out var due))
        {
            due = ComputeScreeningWindowsDue(windows, asOf);
            _screeningWindows[(windows, asOf)] = due;
        }

        return due;
    }

    private static List<Period> ComputeScreeningWindowsDue(string windows, DateOnly asOf)
    {
        var due = new List<Period>();
        foreach (var (startMonth, startDay, endMonth, endDay) in ParseWindows(windows))
        {
            for (var year = asOf.Year - 1; year <= asOf.Year; year++)
            {
                var end = new DateOnly(year, endMonth, Math.Min(endDay, DateTime.DaysInMonth(year, endMonth)));
                if (end < asOf && end > asOf.AddMonths(-12))
                {
                    due.Add(new Period(new DateOnly(year, startMonth, Math.Min(startDay, DateTime.DaysInMonth(year, startMonth))), end));
                }
            }
        }

        due.Sort((a, b) => a.End.CompareTo(b.End));
        return due;
    }

    /// <summary>Parses <c>none</c> or <c>MM-DD..MM-DD, …</c>; throws <see cref="FormatException"/> naming the text otherwise.</summary>
    public static IReadOnlyList<(int StartMonth, int StartDay, int EndMonth, int EndDay)> ParseWindows(string windows)
    {
        if (string.IsNullOrWhiteSpace(windows) || windows.Trim() == "none")
        {
            return [];
        }

        var result = new List<(int, int, int, int)>();
        foreach (var part in windows.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split("..", StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || MonthDay(ends[0]) is not { } start || MonthDay(ends[1]) is not { } end)
            {
                throw new FormatException($"排查时段 '{part}' 应写作 MM-DD..MM-DD（如 01-01..05-31），多个时段以逗号分隔，或写 none");
            }

            result.Add((start.Month, start.Day, end.Month, end.Day));
        }

        return result;
    }

    /// <summary>Parses <c>MM-DD</c>.</summary>
    public static (int Month, int Day)? MonthDay(string text)
    {
        if (text.Length == 5 && text[2] == '-'
            && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month))
        {
            return (month, day);
        }

        return null;
    }

    /// <summary>The windows of <paramref name="due"/> without a date of <paramref name="dates"/>, as text (first…last).</summary>
    public string MissedWindows(IReadOnlyList<Period> due, IReadOnlyList<DateOnly> dates) =>
        string.Join("、", due.Where(w => !w.ContainsAny(dates)).Select(w => w.ToString()));

    /// <summary>
    /// The day a house damaged by an event dated <paramref name="eventDate"/> must be rebuilt or repaired by: the
    /// <paramref name="repairBy"/> (<c>MM-DD</c>, e.g. 10-31) of the event's year, or of the next year for an event dated after it.
    /// </summary>
    public DateOnly RepairDue(DateOnly eventDate, string repairBy)
    {
        var (month, day) = MonthDay(repairBy) ?? throw new FormatException($"修复时限 '{repairBy}' 应写作 MM-DD（如 10-31）");
        var due = new DateOnly(eventDate.Year, month, day);
        return eventDate > due ? due.AddYears(1) : due;
    }

    /// <summary>
    /// HOU-DISASTER-UNREPAIRED: the first event that damaged the house whose repair was due (see <see cref="RepairDue"/>) before
    /// the household's evaluation date and was not repaired by then (repaired on the due date is in time); null when none.
    /// </summary>
    public EventFacts? UnrepairedDamage(HouseholdFacts household, string repairBy)
    {
        foreach (var e in household.Events)
        {
            if (!e.DamagedHouse)
            {
                continue;
            }

            var due = RepairDue(e.Date, repairBy);
            if (household.AsOf > due && (e.HousingRepairedOn is not { } repaired || repaired > due))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>
    /// The school terms whose aid deadline has passed and lies in the 12 months up to as-of (as-of minus 12 months exclusive):
    /// spring terms due 06-30, autumn terms due 12-31 (000 row 36).
    /// </summary>
    public IReadOnlyList<EducationTerm> TermsDue(DateOnly asOf)
    {
        if (!_termsDue.TryGetValue(asOf, out var terms))
        {
            var list = new List<EducationTerm>(2);
            for (var year = asOf.Year - 1; year <= asOf.Year; year++)
            {
                foreach (var term in new[] { new EducationTerm(year, true), new EducationTerm(year, false) })
                {
                    if (term.Deadline < asOf && term.Deadline > asOf.AddMonths(-12))
                    {
                        list.Add(term);
                    }
                }
            }

            terms = list;
            _termsDue[asOf] = terms;
        }

        return terms;
    }

    /// <summary>Whether some term due by as-of (see <see cref="TermsDue"/>) has no entry in <paramref name="paidTerms"/>.</summary>
    public bool MissesTerm(IReadOnlyList<string> paidTerms, DateOnly asOf)
    {
        foreach (var term in TermsDue(asOf))
        {
            if (!paidTerms.Contains(term.ToString()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The terms due by as-of without an entry in <paramref name="paidTerms"/>, with their deadlines, as text.</summary>
    public string MissingTerms(IReadOnlyList<string> paidTerms, DateOnly asOf) =>
        string.Join("、", TermsDue(asOf).Where(t => !paidTerms.Contains(t.ToString())).Select(t => $"{t}（{t.Deadline:yyyy-MM-dd} 前）"));

    /// <summary>
    /// PROC-MEASURE-MISMATCH: the household's risk categories (the kinds of <c>case.risks</c> when recorded; otherwise those of the
    /// risk findings that fire on the record as of county approval) that have no measure of a matching kind dated on or after the
    /// case's opening. <paramref name="mapping"/> is <c>category=kind kind …; …</c>; a category mapped to <c>*</c> is met by any measure.
    /// </summary>
    public IReadOnlyList<string> UnmatchedRiskCategories(HouseholdFacts household, string mapping)
    {
        var procedure = household.Case ?? throw new InvalidOperationException("未立案");
        IReadOnlyList<string> categories = procedure.RiskKinds ?? (_riskCategoriesAsOf ?? throw new InvalidOperationException("此求值环境不支持按历史日期重新评估风险规则"))(household, procedure.IncludedOn);
        if (categories.Count == 0)
        {
            return [];
        }

        var map = MeasureMap(mapping);
        var unmatched = new List<string>();
        foreach (var category in categories)
        {
            if (unmatched.Contains(category))
            {
                continue;
            }

            var kinds = map.TryGetValue(category, out var k) ? k : [];
            var met = procedure.Measures.Any(m => m.Date >= procedure.OpenedOn && (kinds.Contains("*") || kinds.Contains(m.Kind)));
            if (!met)
            {
                unmatched.Add(category);
            }
        }

        return unmatched;
    }

    private Dictionary<string, string[]> MeasureMap(string mapping)
    {
        if (!_measureMaps.TryGetValue(mapping, out var map))
        {
            map = ParseMeasureMap(mapping);
            _measureMaps[mapping] = map;
        }

        return map;
    }

    /// <summary>Parses <c>category=kind kind …; …</c> (the risk category → measure kinds mapping).</summary>
    public static Dictionary<string, string[]> ParseMeasureMap(string mapping)
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var entry in mapping.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new FormatException($"风险类别与措施的对应 '{entry}' 应写作 类别=措施 措施 …");
            }

            map[parts[0]] = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        return map;
    }

    /// <summary>Chinese name of a risk category (case.risks kinds).</summary>
    public string RiskCategoryZh(string category) => DomainLabels.RiskCategories.Contains(category) ? DomainLabels.RiskCategories.Zh(category) : DomainLabels.RiskCategories.Zh("other");

    /// <summary>
    /// Checks recorded steps against a documented order written as <c>a &gt; b &gt; c|d &gt; e</c> (steps joined by | form one
    /// stage and may be done in any order). Returns "" when the steps keep the order, otherwise a Chinese description of
    /// the first missing or out-of-order step.
    /// </summary>
    public string StepOrderProblem(IReadOnlyList<CaseStepFacts> steps, string order)
    {
        if (steps.Count == 0)
        {
            return "";
        }

        if (!_orders.TryGetValue(order, out var stages))
        {
            stages = ParseOrder(order);
            _orders[order] = stages;
        }

        var stageOf = new Dictionary<string, int>();
        for (var i = 0; i < stages.Count; i++)
        {
            foreach (var step in stages[i])
            {
                stageOf[step] = i;
            }
        }

        var present = steps.Where(s => stageOf.ContainsKey(s.Step)).ToList();
        if (present.Count == 0)
        {
            return "";
        }

        var latestStage = present.Max(s => stageOf[s.Step]);
        for (var i = 0; i < latestStage; i++)
        {
            foreach (var step in stages[i])
            {
                if (!present.Any(s => s.Step == step))
                {
                    var later = present.Where(s => stageOf[s.Step] > i).OrderBy(s => stageOf[s.Step]).First();
                    return $"缺少步骤「{StepNames.Zh(step)}」，但已记录其后的「{StepNames.Zh(later.Step)}」（{later.Date:yyyy-MM-dd}）";
                }
            }
        }

        foreach (var earlier in present)
        {
            foreach (var later in present)
            {
                if (stageOf[later.Step] > stageOf[earlier.Step] && later.Date < earlier.Date)
                {
                    return $"「{StepNames.Zh(later.Step)}」（{later.Date:yyyy-MM-dd}）早于应在其前的「{StepNames.Zh(earlier.Step)}」（{earlier.Date:yyyy-MM-dd}）";
                }
            }
        }

        return "";
    }

    /// <summary>The risk rules that fire for the household as it was known on <paramref name="date"/>, with the parameters in force then.</summary>
    public IReadOnlyList<string> RiskRulesFiredAsOf(HouseholdFacts household, DateOnly date)
    {
        if (_riskRulesAsOf is null || household.AsKnownOn is null)
        {
            throw new InvalidOperationException("此求值环境不支持按历史日期重新评估风险规则");
        }

        return _riskRulesAsOf(household, date);
    }

    /// <summary>Joins items with the Chinese enumeration comma: 高血压、糖尿病.</summary>
    public string List(IEnumerable<string> items) => string.Join("、", items);

    public static IReadOnlyList<IReadOnlyList<string>> ParseOrder(string order) =>
        [.. order.Split('>', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(stage => (IReadOnlyList<string>)[.. stage.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)])];
}
