using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;

namespace Monitoring.Store.Cases;

/// <summary>One line of an area's due list: the obligation and the household it belongs to (for name, village, helper).</summary>
public sealed record DueItem(Obligation Obligation, HouseholdRecord Household)
{
    public string HelperName => Household.Helper?.Name is { Length: > 0 } name ? name : "（未明确帮扶责任人）";
}
