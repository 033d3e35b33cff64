namespace Monitoring.Store.Web;

/// <summary>A recorded review decision: who (and in which role) decided what on which outcome, when and why.</summary>
public sealed record ReviewDecisionRow(
    long Id,
    string HouseholdId,
    long RunId,
    string OutcomeHash,
    string Decision,
    string? ReasonCategory,
    string? Reason,
    string UserName,
    string Role,
    DateTimeOffset DecidedAt);
