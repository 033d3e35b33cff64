namespace Monitoring.Store.Statistics;

/// <summary>
/// The dashboard of one area after one night: figures by village (or by town for a county), findings by rule, the review
/// funnel and the trend over the last nights. <see cref="RunId"/> is null when no night has completed.
/// </summary>
public sealed record AreaDashboard(
    string AreaCode,
    long? RunId,
    DateOnly? AsOf,
    string GroupedBy,
    IReadOnlyList<AreaFigures> Areas,
    IReadOnlyList<RuleCount> FindingsByRule,
    IReadOnlyList<FunnelStage> Funnel,
    IReadOnlyList<NightFigures> Nights)
{
    /// <summary>The night the figures are for (the latest completed run), or null.</summary>
    public required Monitoring.Store.Runs.StoredRun? LastRun { get; init; }

    public AreaFigures Total => new(AreaCode, "合计", Areas.Sum(a => a.Households), Areas.Sum(a => a.Candidates), Areas.Sum(a => a.Monitored),
        Areas.Sum(a => a.Released), Areas.Sum(a => a.Overdue), Areas.Sum(a => a.Cases));
}
