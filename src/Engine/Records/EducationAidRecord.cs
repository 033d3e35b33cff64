namespace Monitoring.Engine.Records;

/// <summary>v1.1: 特惠性教育资助 paid to a member for a term (<c>YYYY-spring</c> | <c>YYYY-autumn</c>).</summary>
public sealed class EducationAidRecord
{
    public string? Term { get; set; }

    public DateOnly? PaidOn { get; set; }
}
