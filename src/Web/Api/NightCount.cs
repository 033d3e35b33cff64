namespace Monitoring.Web.Api;

/// <summary>Flagged households and findings of the caller's area on one night (the dashboard's trend).</summary>
public sealed record NightCount(long RunId, DateOnly AsOf, long Flagged, long Findings);
