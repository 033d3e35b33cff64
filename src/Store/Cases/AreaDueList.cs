namespace Monitoring.Store.Cases;

/// <summary>An area's due list (<see cref="AreaCaseLists.DueList"/>) and how many households it was computed over.</summary>
public sealed record AreaDueList(IReadOnlyList<DueItem> Items, int Households);
