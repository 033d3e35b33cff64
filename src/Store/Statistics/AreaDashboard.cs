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
    IReadOnlyList<KeyValuePair<string, long>> FindingsByRule,
    IReadOnlyList<FunnelStage> Funnel,
    IReadOnlyList<NightFigures> Nights)
{
    public AreaFigures Total => new(AreaCode, "合计", Areas.Sum(a => a.Households), Areas.Sum(a => a.Candidates), Areas.Sum(a => a.Monitored),
        Areas.Sum(a => a.Released), Areas.Sum(a => a.Overdue));
}
