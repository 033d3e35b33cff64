namespace Monitoring.Rules.Expressions;

/// <summary>Chinese names of the documented procedure steps, for messages to village and town staff.</summary>
public static class StepNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["warning_notice"] = "发放风险预警告知书",
        ["home_verification"] = "入户核查",
        ["consent"] = "承诺授权",
        ["data_comparison"] = "信息比对",
        ["village_review"] = "村级民主评议",
        ["public_notice"] = "村内公示",
        ["town_review"] = "镇（办）审核",
        ["county_approval"] = "县级审定公告",
        ["rejected"] = "不予纳入",
        ["village_notice"] = "村公示",
        ["town_recheck"] = "镇复核",
        ["department_review"] = "部门审定",
        ["county_announcement"] = "县级公告",
    };

    public static IReadOnlyCollection<string> InclusionSteps { get; } =
        ["warning_notice", "home_verification", "consent", "data_comparison", "village_review", "public_notice", "town_review", "county_approval", "rejected"];

    public static IReadOnlyCollection<string> ReleaseSteps { get; } = ["village_notice", "town_recheck", "department_review", "county_announcement"];

    public static string Zh(string step) => Names.TryGetValue(step, out var name) ? name : step;
}
