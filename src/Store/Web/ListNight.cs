namespace Monitoring.Store.Web;

/// <summary>
/// The night a review list is read from — the latest completed run of the nights in force — and the newest review
/// decision at that moment: together with the filter they determine the list, so counts can be remembered under them.
/// </summary>
internal sealed record ListNight(long RunId, string Profile, DateOnly AsOf, long LastDecisionId);
