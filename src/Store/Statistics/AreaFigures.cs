namespace Monitoring.Store.Statistics;

/// <summary>The figures of one village or town on the night a dashboard shows (cases: households with a case recorded).</summary>
public sealed record AreaFigures(string AreaCode, string Name, long Households, long Candidates, long Monitored, long Released, long Overdue, long Cases);
