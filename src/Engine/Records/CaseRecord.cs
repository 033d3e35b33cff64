namespace Monitoring.Engine.Records;

public sealed class CaseRecord
{
    public DateOnly? OpenedOn { get; set; }

    public List<CaseStepRecord>? Inclusion { get; set; }

    public DateOnly? PlanOn { get; set; }

    public List<MeasureRecord>? Measures { get; set; }

    public ReleaseRecord? Release { get; set; }
}
