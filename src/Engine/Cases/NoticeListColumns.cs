using System.Globalization;

namespace Monitoring.Engine.Cases;

/// <summary>The columns of the public notice list, shared by the spreadsheet and the printable page.</summary>
public static class NoticeListColumns
{
    public const string SheetName = "公示名单";

    public static IReadOnlyList<string> Headers { get; } = ["序号", "户编码", "户主姓名", "村", "公示事项", "监测对象类型", "风险类别", "公示开始", "公示截止"];

    public static IReadOnlyList<double> Widths { get; } = [6, 16, 12, 14, 12, 16, 30, 12, 12];

    /// <summary>The cells of one entry (numbered from 1), in header order.</summary>
    public static IReadOnlyList<string> Cells(NoticeListEntry entry, int number)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return
        [
            number.ToString(CultureInfo.InvariantCulture),
            entry.HouseholdId,
            entry.HeadName,
            entry.Village,
            entry.ProposalZh,
            entry.TypeZh,
            string.Join("、", entry.Reasons),
            CaseCommand.Text(entry.NoticeFrom),
            entry.NoticeUntil is { } until ? CaseCommand.Text(until) : "",
        ];
    }

    /// <summary>The list's title: 东风村防返贫监测对象纳入与风险消除公示名单（截至 2022-05-10）.</summary>
    public static string Title(string village, DateOnly asOf) => $"{village}防返贫监测对象纳入与风险消除公示名单（截至 {CaseCommand.Text(asOf)}）";
}

