namespace Monitoring.Rules.Facts;

public sealed class MeasureFacts
{
    public string Kind { get; init; } = "";

    public DateOnly Date { get; init; }
}
