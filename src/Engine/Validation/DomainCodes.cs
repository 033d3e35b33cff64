using Monitoring.Rules.Codes;

namespace Monitoring.Engine.Validation;

/// <summary>The enumerated values of the interchange format (household-format.md); those with Chinese labels come from <see cref="DomainLabels"/>.</summary>
public static class DomainCodes
{
    public static readonly string[] Categories = [.. DomainLabels.Categories.Values];
    public static readonly string[] MonitoringTypes = [.. DomainLabels.MonitoringTypes.Values];
    public static readonly string[] Relations = [.. DomainLabels.Relations.Values];
    public static readonly string[] Sexes = [.. DomainLabels.Sexes.Values];
    public static readonly string[] Health = [.. DomainLabels.Health.Values];
    public static readonly string[] ChronicDiseases = ["hypertension", "diabetes", "severe_mental", "tuberculosis", "other"];
    public static readonly string[] LaborCapacities = [.. DomainLabels.LaborCapacities.Values];
    public static readonly string[] EmploymentStatuses = ["employed", "unemployed", "not_in_labor_force"];
    public static readonly string[] EmploymentPlaces = ["in_county", "in_province", "out_of_province"];
    public static readonly string[] Schooling = ["enrolled", "home_teaching", "exempt_health", "not_enrolled", "not_applicable"];
    public static readonly string[] Assistance = ["dibao", "tekun", "disability_allowance", "pension"];
    public static readonly string[] ExpenseKinds = ["medical", "education", "disaster", "accident"];
    public static readonly string[] HousingSafety = ["A", "B", "C", "D", "suspected", "unknown"];
    public static readonly string[] EventKinds = [.. DomainLabels.EventKinds.Values];
    public static readonly string[] MeasureKinds = [.. DomainLabels.MeasureKinds.Values];
    public static readonly string[] InclusionSteps = [.. DomainLabels.InclusionSteps.Values];
    public static readonly string[] ReleaseSteps = [.. DomainLabels.ReleaseSteps.Values];

    public static readonly string[] HousingDamage = ["destroyed", "damaged"];
    public static readonly string[] ExpenseSettings = ["inpatient", "outpatient"];
    public static readonly string[] RiskKinds = [.. DomainLabels.RiskCategories.Values];
    public static readonly string[] CareGroupKinds = ["dispersed_tekun", "disabled_unsupported", "orphan", "unsupported_child", "left_behind_elderly", "left_behind_child", "left_behind_woman", "other"];
    public static readonly string[] CareLevels = ["general", "special"];

    public static string OneOf(string[] values) => "应为以下之一：" + string.Join(" | ", values);
}
