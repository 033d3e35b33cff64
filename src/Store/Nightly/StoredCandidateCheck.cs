using Monitoring.Engine.Findings;

namespace Monitoring.Store.Nightly;

/// <summary>
/// What the stored mode of PROC-CANDIDATE-NO-CASE saw for one household in one run: the run its risk series started in
/// (null: not a candidate without a case), the nights counted and the grace in force, and the finding when it fired.
/// </summary>
public sealed record StoredCandidateCheck(long? RiskSinceRunId, Finding? Finding, int? Nights, int? GraceNights);
