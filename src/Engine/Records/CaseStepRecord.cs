namespace Monitoring.Engine.Records;

public sealed class CaseStepRecord
{
    public string? Step { get; set; }

    public DateOnly? Date { get; set; }

    public DateOnly? Until { get; set; }
}
