namespace Monitoring.Engine.Records;

public sealed class ReleaseRecord
{
    public List<CaseStepRecord>? Steps { get; set; }

    public List<DateOnly>? Revisits { get; set; }
}
