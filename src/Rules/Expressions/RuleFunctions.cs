using System.Globalization;
using Monitoring.Rules.Calendars;
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
    private readonly Dictionary<(string Cycle, DateOnly AsOf), Period> _periods = [];

    public RuleFunctions(WorkingDayCalendar calendar, Func<HouseholdFacts, DateOnly, IReadOnlyList<string>>? riskRulesAsOf = null)
    {
        _calendar = calendar;
        _riskRulesAsOf = riskRulesAsOf;
    }

    public WorkingDayCalendar Calendar => _calendar;

    /// <summary>Calendar days from <paramref name="from"/> to <paramref name="to"/> (to − from).</summary>
    public int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>"N days after D" is D + N.</summary>
    public DateOnly AddDays(DateOnly date, int days) => date.AddDays(days);

    /// <summary>"One month after D" is the same day of the next month (clamped to the month's last day).</summary>
    public DateOnly AddMonths(DateOnly date, int months) => date.AddMonths(months);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="date"/> on the State Council calendar (调休 included).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int count) => _calendar.AddWorkingDays(date, count);

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

        throw new ArgumentException($"未知的走访周期 {cycle}（应为 month、quarter 或 months:3,8,11）", nameof(cycle));
    }

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
