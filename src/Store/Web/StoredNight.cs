using Monitoring.Engine.Records;

namespace Monitoring.Store.Web;

/// <summary>
/// What a stored run saw for one household: the run (date, profile, rules version), the household version in force for
/// it, and the findings the run stored for it (JSON as stored), with the outcome's hash. Null findings run: the household
/// had no outcome up to that run.
/// </summary>
public sealed record StoredNight(
    long RunId,
    DateOnly AsOf,
    string Profile,
    string RulesVersion,
    string HouseholdHash,
    HouseholdRecord Record,
    long? OutcomeRunId,
    string? OutcomeHash,
    IReadOnlyList<string> Findings);
