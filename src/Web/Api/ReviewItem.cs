using Monitoring.Store.Web;

namespace Monitoring.Web.Api;

/// <summary>One row of <c>GET /api/v1/review</c> (the contract's names).</summary>
public sealed record ReviewItem(
    string HouseholdId,
    string HeadName,
    string? VillageCode,
    string Category,
    string CandidateType,
    IReadOnlyList<ReviewReason> Reasons,
    DateOnly FlaggedSince,
    string Status,
    string OutcomeHash,
    ReviewDecisionRow? LastDismissal)
{
    public static ReviewItem From(ReviewRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.HouseholdId, row.HeadName, row.VillageCode, row.Category, row.CandidateType, row.Reasons, row.FlaggedSince, row.Status,
            row.OutcomeHash, row.LastDismissal);
    }
}
