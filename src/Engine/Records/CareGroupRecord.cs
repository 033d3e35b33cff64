namespace Monitoring.Engine.Records;

/// <summary>v1.1: a member who is a 关爱对象 (001 #18): kind, level general | special, the helper's name and the visits.</summary>
public sealed class CareGroupRecord
{
    public string? Kind { get; set; }

    public string? Level { get; set; }

    public string? Helper { get; set; }

    public List<DateOnly>? Visits { get; set; }
}
