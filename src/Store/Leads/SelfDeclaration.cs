namespace Monitoring.Store.Leads;

/// <summary>What a farmer gives on the public self-declaration page.</summary>
public sealed record SelfDeclaration(string? Name, string? IdNumber, string? Phone, string? VillageCode, string? DifficultyKind, string? Description);
