namespace Monitoring.Rules.Facts;

/// <summary>A member who is a 关爱对象 (001 #18; format 1.1 <c>careGroup</c>).</summary>
public sealed class CareGroupFacts
{
    public string Kind { get; init; } = "other";

    /// <summary>general | special (特别困难).</summary>
    public string Level { get; init; } = "general";

    /// <summary>The 帮扶责任人's name; empty when none was recorded.</summary>
    public string Helper { get; init; } = "";

    public IReadOnlyList<DateOnly> Visits { get; init; } = [];

    public bool IsSpecial => Level == "special";

    public bool HasHelper => Helper.Length > 0;

    /// <summary>The kind's label (<see cref="Codes.DomainLabels.CareGroupKinds"/>); an unknown kind reads as 其他关爱对象.</summary>
    public string KindZh => Codes.DomainLabels.CareGroupKinds.Zh(Codes.DomainLabels.CareGroupKinds.Contains(Kind) ? Kind : "other");
}
