namespace Monitoring.Store.Leads;

/// <summary>A lead decision the lead's state does not allow (already verified, no household to record the event on): 409.</summary>
public sealed class LeadRejectedException(string message) : Exception(message);
