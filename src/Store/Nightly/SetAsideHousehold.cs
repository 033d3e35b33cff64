namespace Monitoring.Store.Nightly;

/// <summary>
/// A household a run could not evaluate on its as-of (its stored record fails validation on that date, e.g. a visit
/// dated after it): named with the field and the reason in Chinese, stored with the run; the run evaluates every other household.
/// </summary>
public sealed record SetAsideHousehold(string HouseholdId, string? HouseholdHash, string Field, string Reason)
{
    public override string ToString() => $"户 {HouseholdId}：{Field}：{Reason}";
}
