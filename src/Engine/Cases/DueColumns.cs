using Monitoring.Engine.Records;

namespace Monitoring.Engine.Cases;

/// <summary>The columns of the due list, shared by the text and spreadsheet outputs.</summary>
public static class DueColumns
{
    public const string SheetName = "待办事项";

    public static IReadOnlyList<string> Headers { get; } = ["状态", "时限", "户编码", "户主姓名", "村", "事项", "规则", "时限依据"];

    public static IReadOnlyList<double> Widths { get; } = [14, 12, 16, 10, 14, 36, 24, 60];

    public static IReadOnlyList<string> Cells(Obligation obligation, HouseholdRecord household, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(household);
        return
        [
            obligation.StatusZh(asOf),
            obligation.Due is { } due ? CaseCommand.Text(due) : "",
            obligation.HouseholdId,
            CaseTexts.HeadName(household),
            household.Region?.Village ?? "",
            obligation.TitleZh,
            obligation.RuleId,
            obligation.BasisZh,
        ];
    }

    public static string Title(string scope, DateOnly asOf, int withinDays) => $"{scope}防返贫监测待办事项（截至 {CaseCommand.Text(asOf)}，{withinDays} 天内到期及已逾期）";
}
