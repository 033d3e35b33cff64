namespace Monitoring.Store.Web;

/// <summary>
/// The dashboard of an area: the last run, figures by village, findings by rule, the funnel flagged → reviewed → case →
/// included (monitored) → released, and the trend over the last nights.
/// </summary>
public sealed record Dashboard(
    string Area,
    RunSummary? LastRun,
    IReadOnlyList<VillageCounts> Villages,
    IReadOnlyList<RuleCount> FindingsByRule,
    Funnel Funnel,
    IReadOnlyList<NightCount> Trend);

/// <summary>Households at each stage, in the caller's area.</summary>
public sealed record Funnel(long Flagged, long Reviewed, long Cases, long Included, long Released);
