namespace Monitoring.Store.Statistics;

/// <summary>One stage of the review funnel (flagged → reviewed → case → included → released) with its household count.</summary>
public sealed record FunnelStage(string Stage, string LabelZh, long Households);
