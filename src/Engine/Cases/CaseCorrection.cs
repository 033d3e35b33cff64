namespace Monitoring.Engine.Cases;

/// <summary>
/// The corrected values of <c>case correct</c>: each one given replaces the entry's value, the others stay as recorded
/// (or as the entry's latest correction has them).
/// </summary>
public sealed record CaseCorrection
{
    public DateOnly? Date { get; init; }

    public string? StepName { get; init; }

    public DateOnly? Until { get; init; }

    public string? Trigger { get; init; }

    public string? MonitoringType { get; init; }

    public string? HelperName { get; init; }

    public string? MeasureKind { get; init; }

    public bool IsEmpty => this == new CaseCorrection();

    /// <summary>The command <paramref name="recorded"/> with the corrected values.</summary>
    public CaseCommand ApplyTo(CaseCommand recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return recorded with
        {
            Date = Date ?? recorded.Date,
            StepName = StepName ?? recorded.StepName,
            Until = Until ?? recorded.Until,
            Trigger = Trigger ?? recorded.Trigger,
            MonitoringType = MonitoringType ?? recorded.MonitoringType,
            HelperName = HelperName ?? recorded.HelperName,
            MeasureKind = MeasureKind ?? recorded.MeasureKind,
        };
    }
}
