using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;
using Monitoring.Store.Web;

namespace Monitoring.Store.Cases;

/// <summary>
/// One line of an area's due list: the obligation and the household it belongs to (for name, village, helper). The texts
/// shown to staff (<see cref="HeadName"/>, <see cref="Basis"/>) have resident ID numbers masked, for the pages and the API alike.
/// </summary>
public sealed record DueItem(Obligation Obligation, HouseholdRecord Household)
{
    public string HelperName => Household.Helper?.Name is { Length: > 0 } name ? name : "（未明确帮扶责任人）";

    /// <summary>The head of household's name, ID numbers masked.</summary>
    public string HeadName => ResidentIdText.Mask(CaseTexts.HeadName(Household));

    /// <summary>The deadline's basis in Chinese, ID numbers masked.</summary>
    public string Basis => ResidentIdText.Mask(Obligation.BasisZh);
}
