namespace Monitoring.Engine.Records;

public sealed class EventRecord
{
    public DateOnly? Date { get; set; }

    public string? Kind { get; set; }

    public string? Note { get; set; }

    /// <summary>v1.1: destroyed | damaged — the event damaged the house.</summary>
    public string? HousingDamage { get; set; }

    /// <summary>v1.1: the day the house was rebuilt or repaired (重建或维修到位).</summary>
    public DateOnly? HousingRepairedOn { get; set; }
}
