namespace Monitoring.Web.Api;

/// <summary>Body of <c>POST /api/v1/households/{id}/review</c>: confirm | dismiss, the reason (required to dismiss),
/// an optional reason category and the date of a confirmation's case opening (default: today).</summary>
public sealed record ReviewDecisionRequest(string? Decision, string? Reason, string? ReasonCategory, DateOnly? Date);
