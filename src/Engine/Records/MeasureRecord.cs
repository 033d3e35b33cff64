namespace Monitoring.Engine.Records;

public sealed class MeasureRecord
{
    public string? Kind { get; set; }

    public DateOnly? Date { get; set; }
}
