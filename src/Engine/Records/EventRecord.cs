namespace Monitoring.Engine.Records;

public sealed class EventRecord
{
    public DateOnly? Date { get; set; }

    public string? Kind { get; set; }

    public string? Note { get; set; }
}
