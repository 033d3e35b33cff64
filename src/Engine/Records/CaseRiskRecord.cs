namespace Monitoring.Engine.Records;

/// <summary>v1.1: a risk category identified for a case (illness, disability, education, …) and when.</summary>
public sealed class CaseRiskRecord
{
    public string? Kind { get; set; }

    public DateOnly? IdentifiedOn { get; set; }
}
