using Monitoring.Engine.Cases;

namespace Monitoring.Store.Cases;

/// <summary>One household on a village's public notice: the notice list entry and the household's size.</summary>
public sealed record NoticeItem(NoticeListEntry Entry, int HouseholdSize);
