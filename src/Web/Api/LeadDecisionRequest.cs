namespace Monitoring.Web.Api;

/// <summary>A lead decision: <c>household</c> (confirm: the household the event is recorded on, when the lead matched none
/// or the wrong one) or <c>reason</c> (reject: required).</summary>
public sealed record LeadDecisionRequest(string? Household, string? Reason);
