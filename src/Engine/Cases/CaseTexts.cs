namespace Monitoring.Engine.Cases;

/// <summary>Chinese labels of the case-related codes, for staff-facing output.</summary>
public static class CaseTexts
{
    public static string Category(string? category) => category switch
    {
        "lifted" => "脱贫户",
        "monitored" => "监测户",
        "ordinary" => "一般农户",
        _ => category ?? "",
    };

    public static string Trigger(string? trigger) => trigger switch
    {
        "candidate" => "监测预警候选户",
        "self_declared" => "农户自主申报",
        "department_warning" => "部门预警",
        _ => trigger ?? "（未记录）",
    };

    public static string Measure(string? kind) => kind switch
    {
        "industry" => "产业帮扶",
        "employment" => "就业帮扶",
        "public_welfare_job" => "公益岗位",
        "education" => "教育帮扶",
        "medical" => "医疗帮扶",
        "housing" => "住房保障",
        "water" => "饮水保障",
        "assistance" => "兜底保障",
        "insurance" => "保险帮扶",
        "other" => "其他帮扶",
        _ => kind ?? "",
    };

    /// <summary>The head of household's name (or the first member's).</summary>
    public static string HeadName(Records.HouseholdRecord household) =>
        (household.Members?.FirstOrDefault(m => m.Relation == "head") ?? household.Members?.FirstOrDefault())?.Name ?? "";
}
