using Monitoring.Store.Cases;
using Monitoring.Store.Web;

namespace Monitoring.Web.Api;

/// <summary>One household on a village's public notice (no ID numbers, phones, bank or health details; the API's shape).</summary>
public sealed record NoticeItem(
    string HouseholdId,
    string HeadName,
    int Size,
    string Village,
    string Proposal,
    string Type,
    IReadOnlyList<string> Reasons,
    DateOnly NoticeFrom,
    DateOnly? NoticeUntil)
{
    /// <summary>The API line of a notice entry of <see cref="AreaCaseLists.Notice"/>.</summary>
    public static NoticeItem From(Store.Cases.NoticeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var e = item.Entry;
        return new NoticeItem(e.HouseholdId, item.HeadName, item.HouseholdSize, e.Village, e.ProposalZh, e.TypeZh,
            e.Reasons, e.NoticeFrom, e.NoticeUntil);
    }
}
