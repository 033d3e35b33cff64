namespace Monitoring.Web.Api;

/// <summary>Households at each stage, in the caller's area.</summary>
public sealed record Funnel(long Flagged, long Reviewed, long Cases, long Included, long Released);
