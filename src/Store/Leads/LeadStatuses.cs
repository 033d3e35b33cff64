namespace Monitoring.Store.Leads;

/// <summary>A lead's status (<c>lead_status.status</c>; labels in <c>DomainLabels.LeadStatuses</c>): pending until verified once.</summary>
public static class LeadStatuses
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";
}
