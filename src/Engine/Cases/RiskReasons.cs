namespace Monitoring.Engine.Cases;

/// <summary>
/// The reason categories a public notice shows for the risk rules that fired: broad categories only (因病, 因学 …), never
/// the diagnosis, amounts or other personal details the findings carry.
/// </summary>
public static class RiskReasons
{
    private static readonly (string Prefix, string Zh)[] Categories =
    [
        ("INC-", "收入下降或偏低"),
        ("EXP-", "刚性支出骤增"),
        ("EVT-SUDDEN", "突发事件"),
        ("EVT-DECLARED", "农户申报或部门预警"),
        ("EDU-", "因学"),
        ("MED-", "因病"),
        ("HOU-", "住房安全"),
        ("WAT-", "饮水安全"),
        ("EMP-", "就业不稳"),
        ("SOC-", "缺劳力需兜底"),
    ];

    /// <summary>The distinct categories of the given risk rule ids, in the order above.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<string> riskRuleIds)
    {
        var ids = riskRuleIds.ToList();
        return [.. Categories.Where(c => ids.Any(id => id.StartsWith(c.Prefix, StringComparison.Ordinal))).Select(c => c.Zh).Distinct()];
    }
}
