using Monitoring.Engine.Cases;
using Monitoring.Store.Web;

namespace Monitoring.Store.Cases;

/// <summary>One household on a village's public notice: the notice list entry and the household's size.</summary>
public sealed record NoticeItem(NoticeListEntry Entry, int HouseholdSize)
{
    /// <summary>The head of household's name, ID numbers masked (a notice is public).</summary>
    public string HeadName => ResidentIdText.Mask(Entry.HeadName);
}
