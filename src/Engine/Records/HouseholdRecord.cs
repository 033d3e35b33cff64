namespace Monitoring.Engine.Records;

/// <summary>
/// One household line of the JSON Lines interchange format, version 1 (household-format.md). Field names
/// are the contract: they may be extended, never renamed. Unknown fields are ignored.
/// </summary>
public sealed class HouseholdRecord
{
    public string? Id { get; set; }

    public RegionRecord? Region { get; set; }

    public string? Category { get; set; }

    public string? MonitoringType { get; set; }

    public bool? SevereWaterShortageArea { get; set; }

    public List<MemberRecord>? Members { get; set; }

    public List<IncomeCycleRecord>? Incomes { get; set; }

    public List<ExpenseRecord>? Expenses { get; set; }

    public HousingRecord? Housing { get; set; }

    public WaterRecord? Water { get; set; }

    public List<EventRecord>? Events { get; set; }

    public HelperRecord? Helper { get; set; }

    public List<DateOnly>? Visits { get; set; }

    public CaseRecord? Case { get; set; }

    /// <summary>v1.1: dates of the 集中排查 visits that covered the household.</summary>
    public List<DateOnly>? Screenings { get; set; }

    /// <summary>v1.1: the year's planned exit.</summary>
    public ExitPlanRecord? ExitPlan { get; set; }
}
