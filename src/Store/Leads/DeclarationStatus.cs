namespace Monitoring.Store.Leads;

/// <summary>What the public status lookup shows: no phone, the resident ID masked, the decision's date and, for a
/// rejection, its reason.</summary>
public sealed record DeclarationStatus(string ReceiptNo, DateOnly RaisedOn, string? VillageName, string? PersonName, string IdNumberMasked,
    string DifficultyKind, string Status, DateTimeOffset? DecidedAt, string? Reason)
{
    public string DifficultyZh => Monitoring.Rules.Codes.DomainLabels.DifficultyZh(DifficultyKind);

    public string StatusZh => Monitoring.Rules.Codes.DomainLabels.LeadStatuses.Zh(Status);
}
