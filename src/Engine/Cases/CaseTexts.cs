using Monitoring.Rules.Codes;

namespace Monitoring.Engine.Cases;

/// <summary>Chinese labels of the case-related codes, for staff-facing output (the labels are those of <see cref="DomainLabels"/>).</summary>
public static class CaseTexts
{
    public static string Category(string? category) => DomainLabels.Categories.Zh(category);

    public static string Trigger(string? trigger) => trigger is null ? "（未记录）" : DomainLabels.Triggers.Zh(trigger);

    public static string Measure(string? kind) => DomainLabels.MeasureKinds.Zh(kind);

    /// <summary>The head of household's name (or the first member's).</summary>
    public static string HeadName(Records.HouseholdRecord household) =>
        (household.Members?.FirstOrDefault(m => m.Relation == "head") ?? household.Members?.FirstOrDefault())?.Name ?? "";
}
