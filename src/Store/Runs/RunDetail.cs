using Monitoring.Store.Statistics;

namespace Monitoring.Store.Runs;

/// <summary>A run seen from the caller's area: households with an outcome that night, flagged households, findings by rule.</summary>
public sealed record RunDetail(StoredRun Run, string Area, long Households, long Flagged, long Findings, IReadOnlyList<RuleCount> FindingsByRule);
