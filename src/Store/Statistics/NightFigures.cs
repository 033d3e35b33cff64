namespace Monitoring.Store.Statistics;

/// <summary>One completed night's figures for an area: candidates and findings in force after that run.</summary>
public sealed record NightFigures(long RunId, DateOnly AsOf, long Candidates, long Findings);
