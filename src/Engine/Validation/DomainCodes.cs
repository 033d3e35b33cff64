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
    public static readonly string[] ChronicDiseases = [.. DomainLabels.ChronicDiseases.Values];
    public static readonly string[] LaborCapacities = [.. DomainLabels.LaborCapacities.Values];
    public static readonly string[] EmploymentStatuses = [.. DomainLabels.EmploymentStatuses.Values];
    public static readonly string[] EmploymentPlaces = [.. DomainLabels.EmploymentPlaces.Values];
    public static readonly string[] Schooling = [.. DomainLabels.Schooling.Values];
    public static readonly string[] Assistance = [.. DomainLabels.Assistance.Values];
    public static readonly string[] ExpenseKinds = ["medical", "education", "disaster", "accident"];
    public static readonly string[] HousingSafety = [.. DomainLabels.HousingSafety.Values];
    public static readonly string[] EventKinds = [.. DomainLabels.EventKinds.Values];
    public static readonly string[] MeasureKinds = [.. DomainLabels.MeasureKinds.Values];
    public static readonly string[] InclusionSteps = [.. DomainLabels.InclusionSteps.Values];
    public static readonly string[] ReleaseSteps = [.. DomainLabels.ReleaseSteps.Values];

    public static readonly string[] HousingDamage = ["destroyed", "damaged"];
    public static readonly string[] ExpenseSettings = ["inpatient", "outpatient"];
    public static readonly string[] RiskKinds = [.. DomainLabels.RiskCategories.Values];
    public static readonly string[] CareGroupKinds = [.. DomainLabels.CareGroupKinds.Values];
    public static readonly string[] CareLevels = [.. DomainLabels.CareLevels.Values];

    public static string OneOf(string[] values) => "应为以下之一：" + string.Join(" | ", values);
}
