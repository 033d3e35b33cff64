using Monitoring.Store.Importing;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Nightly;

/// <summary>
/// A household as the run read it (its current version) with its bookkeeping from the previous run of the profile
/// (null fields when it was never evaluated). <see cref="GapSeries"/> is PROC-GAP-NOT-CLEARED's run history
/// (<see cref="Monitoring.Engine.Evaluation.GapSeries"/>).
/// </summary>
internal sealed record PriorOutcome(string HouseholdId, string HouseholdHash, string? OutcomeHash, long? OutcomeRunId, string? RuleIds, string? CandidateType,
    long? RiskSinceRunId, string? EvaluatedHash, DateOnly? NextChangeOn, string? GapSeries);
