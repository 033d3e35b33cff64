namespace Monitoring.Store.Nightly;

/// <summary>The counts a completed run records in the ledger.</summary>
public sealed record RunCompletion(long Evaluated, long OutcomesRecorded, long Findings, long Candidates, long NewFindings, long ResolvedFindings, long SetAside, string? RuleSetHash, string Mode, bool PointInTime);
