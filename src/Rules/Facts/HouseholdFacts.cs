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
