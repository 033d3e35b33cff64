namespace Monitoring.Web.Api;

/// <summary>One village's figures on the dashboard.</summary>
public sealed record VillageCounts(string VillageCode, long Households, long Flagged, long AwaitingReview, long Monitored, long Cases);
