namespace Monitoring.Store.Web;

/// <summary>
/// What a review list shows: an area (village, town or county code; null: the caller's), one reason's rule id, only
/// households flagged since the night the list is read from (“昨晚新增”), one status (<c>pending</c> | <c>confirmed</c>).
/// </summary>
public sealed record ReviewFilter(string? Area = null, string? Rule = null, bool NewSinceLastNight = false, string? Status = null);
