namespace Monitoring.Engine.Records;

public sealed class CaseRecord
{
    public DateOnly? OpenedOn { get; set; }

    /// <summary>Extension (case commands): what opened the case — candidate | self_declared | department_warning.</summary>
    public string? Trigger { get; set; }

    /// <summary>Extension (case commands): the monitoring type proposed at opening (unstable | marginal | hardship), used at county approval.</summary>
    public string? ProposedType { get; set; }

    public List<CaseStepRecord>? Inclusion { get; set; }

    public DateOnly? PlanOn { get; set; }

    public List<MeasureRecord>? Measures { get; set; }

    public ReleaseRecord? Release { get; set; }
}
