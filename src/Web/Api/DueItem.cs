using Monitoring.Store.Cases;
using Monitoring.Store.Web;

namespace Monitoring.Web.Api;

/// <summary>One open obligation of a household in the due list: what, by when, its status, the rule and basis (the API's shape, ID numbers masked).</summary>
public sealed record DueItem(
    string HouseholdId,
    string HeadName,
    string? VillageCode,
    string? HelperName,
    string Kind,
    string Title,
    DateOnly? Due,
    string Status,
    string StatusText,
    string RuleId,
    string Basis)
{
    /// <summary>The API line of a due-list entry of <see cref="AreaCaseLists.Due"/> as of <paramref name="asOf"/>.</summary>
    public static DueItem From(Store.Cases.DueItem item, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(item);
        var o = item.Obligation;
        return new DueItem(o.HouseholdId, item.HeadName, item.Household.Region?.VillageCode,
            item.Household.Helper?.Name, o.Kind, o.TitleZh, o.Due, o.Status.ToString().ToLowerInvariant(), o.StatusZh(asOf), o.RuleId,
            item.Basis);
    }
}
