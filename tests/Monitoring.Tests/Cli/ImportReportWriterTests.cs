using DocumentFormat.OpenXml.Packaging;
using Monitoring.Engine.History;
using Monitoring.Store.Importing;
using Monitoring.Worker.Cli;

namespace Monitoring.Tests.Cli;

/// <summary>The import report: one row per change of each household, resident IDs masked, the file whole or absent.</summary>
public sealed class ImportReportWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("h8a-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Each_change_of_each_household_is_one_row_and_nothing_is_left_under_a_temporary_name()
    {
        var diff = new HouseholdDiff(
            [new FieldChange("category", "lifted", "monitored")],
            [new ItemChange("incomes", ChangeKind.Added, "2022", []), new ItemChange("members", ChangeKind.Removed, "m3 610728198001011233", [])]);
        var path = Path.Combine(_directory, "report.xlsx");
        ImportReportWriter.Write(path, "导入 county.xlsx 的变化", "行",
            [new ImportedHousehold("610728-0001", 2, true, null), new ImportedHousehold("610728-0002", 3, false, diff)]);

        Assert.Equal(["report.xlsx"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        using var document = SpreadsheetDocument.Open(path, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(2 + 1 + 3, rows.Count);
        Assert.Equal(["户编码", "行", "变化", "内容"], rows[1]);
        Assert.Equal(["610728-0001", "2", "新增", "新增农户"], rows[2]);
        Assert.Equal(["610728-0002", "3", "更新（含删除）", "户类别 lifted → monitored"], rows[3]);
        Assert.Equal("收入周期 2022：新增", rows[4][3]);
        Assert.Equal("成员 m3 610728********1233：删除", rows[5][3]);
    }
}
