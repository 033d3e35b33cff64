namespace Monitoring.Store.Statistics;

/// <summary>How many findings (or households) one rule has.</summary>
public sealed record RuleCount(string RuleId, long Count);
