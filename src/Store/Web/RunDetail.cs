namespace Monitoring.Store.Web;

/// <summary>A run seen from the caller's area: households with an outcome that night, flagged households, findings by rule.</summary>
public sealed record RunDetail(RunSummary Run, string Area, long Households, long Flagged, long Findings, IReadOnlyList<RuleCount> FindingsByRule);
