namespace Monitoring.Store.Web;

/// <summary>One household on a village's public notice (no ID numbers, phones, bank or health details).</summary>
public sealed record NoticeItem(
    string HouseholdId,
    string HeadName,
    int Size,
    string Village,
    string Proposal,
    string Type,
    IReadOnlyList<string> Reasons,
    DateOnly NoticeFrom,
    DateOnly? NoticeUntil);
