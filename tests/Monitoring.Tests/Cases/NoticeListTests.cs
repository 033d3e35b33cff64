using DocumentFormat.OpenXml.Packaging;
using Monitoring.Engine.Cases;
using Monitoring.Tests.Support;
using static Monitoring.Tests.Cases.CaseRecords;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;

namespace Monitoring.Tests.Cases;

/// <summary>The public notice list: who is on it, and that it carries names and categories but never ID numbers or health details.</summary>
public sealed class NoticeListTests
{
    private static IReadOnlyList<NoticeListEntry> Build(string asOf = "2021-09-05")
    {
        var procedure = Procedure();
        var noticed = Run(procedure, Sample("610728-0001"), Open("2021-09-01", type: "marginal"), Step("warning_notice", "2021-09-01"),
            Step("home_verification", "2021-09-02"), Step("consent", "2021-09-02"), Step("data_comparison", "2021-09-03"),
            Step("village_review", "2021-09-03"), Step("public_notice", "2021-09-03", "2021-09-08"));
        noticed.Members![0].Name = "张<b>三</b>&";
        noticed.Members[1].Health = "serious";
        noticed.Incomes![0].Wage = 3000; // below the line: a risk category to show
        var releasing = Run(procedure, Included("2021-08-01", "2021-08-12"), Release("village_notice", "2021-09-01", "2021-09-07"));
        releasing.Id = "610728-0003";
        var approved = Included("2021-09-01", "2021-09-12");
        approved.Id = "610728-0004";
        var untouched = Sample("610728-0005");
        return NoticeList.Build([untouched, releasing, approved, noticed], D(asOf), new CaseFindings(SharedCatalog.Instance.ForProfile(Zhenba), D(asOf)));
    }

    [Fact]
    public void Lists_households_in_public_notice_for_inclusion_and_for_release_only()
    {
        var entries = Build();
        Assert.Equal(["610728-0001", "610728-0003"], entries.Select(e => e.HouseholdId));
        Assert.Equal("拟纳入监测", entries[0].ProposalZh);
        Assert.Equal("边缘易致贫户", entries[0].TypeZh);
        Assert.Contains("收入下降或偏低", entries[0].Reasons);
        Assert.Equal((D("2021-09-03"), (DateOnly?)D("2021-09-08")), (entries[0].NoticeFrom, entries[0].NoticeUntil));
        Assert.Equal("拟消除风险", entries[1].ProposalZh);
        Assert.Equal("脱贫不稳定户", entries[1].TypeZh);
    }

    [Fact]
    public void A_notice_is_listed_only_while_it_runs()
    {
        Assert.Equal(["610728-0001", "610728-0003"], Build("2021-09-07").Select(e => e.HouseholdId)); // last day of the release notice
        Assert.Equal(["610728-0001"], Build("2021-09-08").Select(e => e.HouseholdId)); // release notice ended, inclusion notice's last day
        Assert.Empty(Build("2021-09-09")); // both ended
        Assert.Equal(["610728-0003"], Build("2021-09-02").Select(e => e.HouseholdId)); // inclusion notice not yet begun
    }

    [Fact]
    public void The_printable_page_is_escaped_self_contained_and_free_of_personal_details()
    {
        using var writer = new StringWriter();
        NoticeListHtmlWriter.Write(writer, Build(), "东风村", D("2022-03-02"));
        var html = writer.ToString();
        Assert.Contains("张&lt;b&gt;三&lt;/b&gt;&amp;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("610728198001011233", html, StringComparison.Ordinal);
        Assert.DoesNotContain("患大病", html, StringComparison.Ordinal);
        Assert.Contains("东风村防返贫监测对象纳入与风险消除公示名单（截至 2022-03-02）", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workbook_has_the_headers_and_names_and_no_ID_numbers()
    {
        using var stream = new MemoryStream();
        var entries = Build();
        TableXlsxWriter.Write(stream, NoticeListColumns.SheetName, NoticeListColumns.Title("东风村", D("2022-03-02")), NoticeListColumns.Headers,
            entries.Select((e, i) => NoticeListColumns.Cells(e, i + 1)), NoticeListColumns.Widths);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.InnerText).ToList();
        Assert.Equal(2 + entries.Count, rows.Count);
        Assert.StartsWith("序号户编码户主姓名", rows[1], StringComparison.Ordinal);
        Assert.Contains("张<b>三</b>&", rows[2], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Contains("610728198001011233", StringComparison.Ordinal));
        Assert.Equal(NoticeListColumns.SheetName, document.WorkbookPart.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
    }
}
