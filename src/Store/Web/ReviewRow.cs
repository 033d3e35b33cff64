namespace Monitoring.Store.Web;

/// <summary>
/// One flagged household of the latest completed run, as the review list shows it: head of household, village,
/// category, candidate type, every reason, the first night of the current outcome's streak, and the status
/// (<c>pending</c> | <c>confirmed</c>); a household dismissed on an earlier outcome carries that dismissal.
/// </summary>
public sealed record ReviewRow(
    string HouseholdId,
    string HeadName,
    string? VillageCode,
    string Category,
    string CandidateType,
    IReadOnlyList<ReviewReason> Reasons,
    DateOnly FlaggedSince,
    string Status,
    long RunId,
    string OutcomeHash,
    ReviewDecisionRow? LastDismissal);
