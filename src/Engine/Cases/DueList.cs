namespace Monitoring.Engine.Cases;

/// <summary>
/// The morning list: outstanding obligations due within a window, everything already overdue first, then by due date
/// (then household id). Obligations whose deadline cannot be computed come last, so nobody overlooks them.
/// </summary>
public static class DueList
{
    public static IReadOnlyList<Obligation> Select(IEnumerable<Obligation> obligations, DateOnly asOf, int withinDays) =>
        [.. obligations
            .Where(o => o.IsOutstanding && (o.Status != ObligationStatus.Open || o.Due <= asOf.AddDays(withinDays)))
            .OrderBy(o => o.Status switch { ObligationStatus.Overdue => 0, ObligationStatus.Open => 1, _ => 2 })
            .ThenBy(o => o.Due)
            .ThenBy(o => o.HouseholdId, StringComparer.Ordinal)
            .ThenBy(o => o.Kind, StringComparer.Ordinal)];
}
