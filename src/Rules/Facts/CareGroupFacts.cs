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

    public string KindZh => Kind switch
    {
        "dispersed_tekun" => "分散供养特困人员",
        "disabled_unsupported" => "无人照料的残疾人",
        "orphan" => "孤儿",
        "unsupported_child" => "事实无人抚养儿童",
        "left_behind_elderly" => "留守老年人",
        "left_behind_child" => "留守儿童",
        "left_behind_woman" => "留守妇女",
        _ => "其他关爱对象",
    };
}
