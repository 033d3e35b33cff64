namespace Monitoring.Rules.Facts;

/// <summary>
/// A household as the rules see it at one evaluation date (<c>h</c> in expressions). Built from an
/// interchange record by the engine; derived figures are computed, never stored in the record.
/// </summary>
public sealed class HouseholdFacts
{
    public string Id { get; init; } = "";

    public string CountyCode { get; init; } = "";

    public string VillageCode { get; init; } = "";

    /// <summary>lifted | monitored | ordinary.</summary>
    public string Category { get; init; } = "ordinary";

    public string? MonitoringType { get; init; }

    public bool SevereWaterShortageArea { get; init; }

    public DateOnly AsOf { get; init; }

    /// <summary>What the county's department rosters say about the household (department-data.md); none when no roster was given.</summary>
    public DepartmentFacts Department { get; init; } = DepartmentFacts.None(default);

    public IReadOnlyList<MemberFacts> Members { get; init; } = [];

    /// <summary>Income cycles, oldest first (sorted by the end of the cycle).</summary>
    public IReadOnlyList<IncomeCycleFacts> Incomes { get; init; } = [];

    public IReadOnlyList<ExpenseFacts> Expenses { get; init; } = [];

    public HousingFacts? Housing { get; init; }

    public WaterFacts? Water { get; init; }

    public IReadOnlyList<EventFacts> Events { get; init; } = [];

    public HelperFacts? Helper { get; init; }

    public IReadOnlyList<DateOnly> Visits { get; init; } = [];

    public CaseFacts? Case { get; init; }

    /// <summary>Format 1.1 <c>screenings</c> (集中排查 dates); null when the record has no such field.</summary>
    public IReadOnlyList<DateOnly>? Screenings { get; init; }

    /// <summary>Format 1.1 <c>exitPlan</c>; null when the household has no planned exit.</summary>
    public ExitPlanFacts? ExitPlan { get; init; }

    /// <summary>Builds the same household as it was known on an earlier date (only data dated on or before it).</summary>
    public Func<DateOnly, HouseholdFacts>? AsKnownOn { get; init; }

    public bool HasIncome => Incomes.Count > 0;

    /// <summary>The newest income cycle.</summary>
    public IncomeCycleFacts Latest => Incomes[^1];

    public bool HasPrevious => Incomes.Count > 1;

    /// <summary>The cycle before the newest.</summary>
    public IncomeCycleFacts Previous => Incomes[^2];

    public bool HasThreeCycles => Incomes.Count > 2;

    /// <summary>The cycle two before the newest.</summary>
    public IncomeCycleFacts BeforePrevious => Incomes[^3];

    public bool HasLaborer => Members.Any(m => m.IsLaborer);

    public bool IsLifted => Category == "lifted";

    public bool IsMonitored => Category == "monitored";

    /// <summary>
    /// 脱贫户, 脱贫家庭, 脱贫人口 (L+): lifted, or monitored with monitoringType unstable (脱贫不稳定户 are 脱贫户 under
    /// monitoring: a reading, catalogue v2 Populations).
    /// </summary>
    public bool IsLiftedPlus => Category == "lifted" || (Category == "monitored" && MonitoringType == "unstable");

    /// <summary>未消除风险的监测对象 (M-open): monitored without a county_announcement of release.</summary>
    public bool IsMonitoredOpen => Category == "monitored" && (Case is null || !Case.Released);

    /// <summary>Monitored as 边缘易致贫户.</summary>
    public bool IsMonitoredMarginal => Category == "monitored" && MonitoringType == "marginal";

    /// <summary>No member with labour capacity full, skilled or weak (无劳动力户).</summary>
    public bool HasNoLabour => !Members.Any(m => m.LaborCapacity is "full" or "skilled" or "weak");

    /// <summary>
    /// Percentage points by which the earned share (wage + production over total income) fell from the previous cycle
    /// to the latest; negative when it rose. Rounded to 10 decimals so that a fall of exactly 5 points is 5.
    /// </summary>
    public decimal EarnedShareFallPoints => Math.Round((Previous.EarnedShare - Latest.EarnedShare) * 100m, 10);

    /// <summary>
    /// The last <paramref name="count"/> income cycles that ended on or before <paramref name="date"/>, oldest first
    /// (fewer when fewer ended by then).
    /// </summary>
    public IReadOnlyList<IncomeCycleFacts> CyclesEndingBy(DateOnly date, int count)
    {
        var ended = new List<IncomeCycleFacts>(count);
        for (var i = Incomes.Count - 1; i >= 0 && ended.Count < count; i--)
        {
            if (Incomes[i].To <= date)
            {
                ended.Insert(0, Incomes[i]);
            }
        }

        return ended;
    }

    /// <summary>A serious_illness, disaster or accident event dated inside the cycle (its from to its to, both included).</summary>
    public bool HasShockInside(IncomeCycleFacts cycle)
    {
        foreach (var e in Events)
        {
            if (e.Kind is "serious_illness" or "disaster" or "accident" && e.Date >= cycle.From && e.Date <= cycle.To)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Inpatient medical expenditure (v1 records: all medical) before reimbursement, dated in (as-of − 12 months, as-of].</summary>
    public decimal InpatientAmountLast12Months => SumInpatient(e => e.Amount);

    /// <summary>Inpatient medical reimbursement (v1 records: all medical), dated in (as-of − 12 months, as-of].</summary>
    public decimal InpatientReimbursedLast12Months => SumInpatient(e => e.Reimbursed);

    private decimal SumInpatient(Func<ExpenseFacts, decimal> amount)
    {
        var start = WindowStartExclusive;
        var total = 0m;
        foreach (var e in Expenses)
        {
            if (e.Date > start && e.Date <= AsOf && e.IsInpatientMedical)
            {
                total += amount(e);
            }
        }

        return total;
    }

    /// <summary>First day of the 12-month window ending at the evaluation date: as-of minus 12 months, exclusive.</summary>
    public DateOnly WindowStartExclusive => AsOf.AddMonths(-12);

    /// <summary>Rigid expenditure net of reimbursement, dated in (as-of − 12 months, as-of].</summary>
    public decimal RigidNetLast12Months => NetExpensesLast12Months(null);

    /// <summary>Medical expenditure net of reimbursement, dated in (as-of − 12 months, as-of].</summary>
    public decimal MedicalNetLast12Months => NetExpensesLast12Months("medical");

    /// <summary>Medical expenditure before reimbursement, dated in (as-of − 12 months, as-of].</summary>
    public decimal MedicalAmountLast12Months => SumLast12Months("medical", e => e.Amount);

    /// <summary>Medical reimbursement, dated in (as-of − 12 months, as-of].</summary>
    public decimal MedicalReimbursedLast12Months => SumLast12Months("medical", e => e.Reimbursed);

    public decimal NetExpensesLast12Months(string? kind) => SumLast12Months(kind, e => e.Net);

    private decimal SumLast12Months(string? kind, Func<ExpenseFacts, decimal> amount)
    {
        var start = WindowStartExclusive;
        var total = 0m;
        foreach (var e in Expenses)
        {
            if (e.Date > start && e.Date <= AsOf && (kind is null || e.Kind == kind))
            {
                total += amount(e);
            }
        }

        return total;
    }

    /// <summary>Events dated at most <paramref name="days"/> days before the evaluation date, newest first.</summary>
    public IReadOnlyList<EventFacts> EventsWithin(int days)
    {
        if (Events.Count == 0)
        {
            return [];
        }

        if (_eventsWithin is { } cached && cached.Days == days)
        {
            return cached.Events;
        }

        IReadOnlyList<EventFacts> events = [.. Events.Where(e => e.DaysAgo >= 0 && e.DaysAgo <= days).OrderBy(e => e.DaysAgo)];
        _eventsWithin = (days, events);
        return events;
    }

    private (int Days, IReadOnlyList<EventFacts> Events)? _eventsWithin;
}
