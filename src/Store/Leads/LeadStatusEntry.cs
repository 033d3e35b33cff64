namespace Monitoring.Store.Leads;

/// <summary>One row of a lead's status history: pending when raised, then confirmed (with the household and the case-log
/// entry of the recorded event) or rejected (with the reason); who, in which role, when, from where.</summary>
public sealed record LeadStatusEntry(string Status, string? Reason, string? HouseholdId, long? CaseLogId, string DecidedBy, string? Role, DateTimeOffset DecidedAt);
