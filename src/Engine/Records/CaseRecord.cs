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

    /// <summary>v1.1: the risk categories identified for the case.</summary>
    public List<CaseRiskRecord>? Risks { get; set; }

    /// <summary>v1.1: dates of the quarterly 研判 of the case (000 row 80).</summary>
    public List<DateOnly>? Reviews { get; set; }
}
