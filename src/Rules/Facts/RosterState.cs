namespace Monitoring.Rules.Facts;

/// <summary>The newest snapshot of one list for the household's county (on or before the evaluation date).</summary>
public sealed record RosterState(string ListId, long SnapshotId, DateOnly SnapshotDate);
