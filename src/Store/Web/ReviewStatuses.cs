namespace Monitoring.Store.Web;

/// <summary>Review statuses and decisions as stored and returned by the API.</summary>
public static class ReviewStatuses
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";
    public const string Confirm = "confirm";
    public const string Dismiss = "dismiss";
}
