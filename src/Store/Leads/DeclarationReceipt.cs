namespace Monitoring.Store.Leads;

/// <summary>What a farmer is told after a self-declaration is stored: the receipt number to look the status up with.</summary>
public sealed record DeclarationReceipt(string ReceiptNo, long LeadId, DateOnly RaisedOn, string VillageCode);
