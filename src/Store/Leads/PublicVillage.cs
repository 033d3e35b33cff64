namespace Monitoring.Store.Leads;

/// <summary>A village the self-declaration page offers: its code and the names the store's records give it.</summary>
public sealed record PublicVillage(string Code, string Name, string? Town, string? County)
{
    public string Label => string.Join(" ", new[] { County, Town, Name }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
