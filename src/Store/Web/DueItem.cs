namespace Monitoring.Store.Web;

/// <summary>One open obligation of a household in the due list: what, by when, its status, the rule and basis.</summary>
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
    string Basis);
