namespace Monitoring.Engine.Records;

/// <summary>v1.1: 城乡居民养老保险 of a member and whether the government pays (代缴) part or all of the premium.</summary>
public sealed class PensionInsuranceRecord
{
    public int? Year { get; set; }

    public bool? Enrolled { get; set; }

    public bool? Subsidised { get; set; }
}
