using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Monitoring.Engine.Formats;

namespace Monitoring.Tests.Spreadsheets;

/// <summary>The findings list for village staff, re-read with the Open XML SDK.</summary>
public sealed class FindingsXlsxWriterTests
{
    private static readonly string[] ExpectedHeaders = ["户编码", "村级代码", "规则编号", "规则名称", "级别", "成员", "说明", "依据", "评估日", "地区配置", "规则版本"];

    private static JsonElement Finding(string household, string rule, string severity, string? member = null, string explanation = "家庭人均纯收入 5,250 元，低于监测线 6,000 元") =>
        JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["householdId"] = household,
            ["ruleId"] = rule,
            ["memberId"] = member,
            ["severity"] = severity,
            ["asOf"] = "2022-06-30",
            ["ruleVersion"] = "ec4cb8c3",
            ["profile"] = "shaanxi-zhenba-2021",
            ["values"] = new Dictionary<string, object> { ["perCapitaNetIncome"] = 5250.0 },
            ["parameters"] = new Dictionary<string, object> { ["monitoringLine"] = 6000 },
            ["explanation"] = explanation,
            ["source"] = "000_ec4cb8c3d9f11643.txt row 4",
            ["titleZh"] = "家庭人均纯收入低于监测线",
            ["category"] = "income",
            ["villageCode"] = "610728001001",
            ["countyCode"] = "610728",
        })).RootElement.Clone();

    /// <summary>Every row's cell texts, by row number, read with the SAX reader.</summary>
    private static SortedDictionary<uint, string[]> ReadBack(Stream xlsx, out SpreadsheetDocument document)
    {
        document = SpreadsheetDocument.Open(xlsx, false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        var rows = new SortedDictionary<uint, string[]>();
        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Row))
            {
                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new string[ExpectedHeaders.Length];
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference!.Value![0] - 'A';
                    cells[column] = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
                }

                rows[row.RowIndex!.Value] = [.. cells.Select(c => c ?? "")];
            }
            else if (!reader.Read())
            {
                break;
            }
        }

        return rows;
    }

    [Fact]
    public void The_sheet_has_the_chinese_headers_a_frozen_header_row_and_the_rows_in_order()
    {
        var output = new MemoryStream();
        FindingsXlsxWriter.Write(output,
        [
            Finding("610728-0002", "INC-BELOW-LINE", "risk"),
            Finding("610728-0001", "EDU-DROPOUT", "risk", "m3", "子女失学辍学"),
            Finding("610728-0001", "PROC-VISIT-LATE", "process"),
            Finding("610728-0003", "HOU-UNAPPRAISED", "notice"),
        ]);
        output.Position = 0;

        var rows = ReadBack(output, out var document);
        using (document)
        {
            Assert.Equal(ExpectedHeaders, FindingsXlsxWriter.Headers);
            Assert.Equal(ExpectedHeaders, rows[1]);
            Assert.Equal(["610728-0002", "610728-0001", "610728-0001", "610728-0003"], rows.Values.Skip(1).Select(r => r[0]));
            Assert.Equal(["风险", "风险", "程序", "提示"], rows.Values.Skip(1).Select(r => r[4]));
            Assert.Equal(
                ["610728-0001", "610728001001", "EDU-DROPOUT", "家庭人均纯收入低于监测线", "风险", "m3", "子女失学辍学", "000_ec4cb8c3d9f11643.txt row 4", "2022-06-30", "shaanxi-zhenba-2021", "ec4cb8c3"],
                rows[3]);
            Assert.Equal("", rows[2][5]);

            var workbookPart = document.WorkbookPart!;
            var sheet = Assert.Single(workbookPart.Workbook.Sheets!.Elements<Sheet>());
            Assert.Equal("发现清单", sheet.Name!.Value);
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!)).Worksheet;
            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1D, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.Equal("A1:K5", worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
            Assert.Equal(11, worksheet.Descendants<Column>().Count());
            Assert.All(worksheet.Descendants<Column>(), c => Assert.True(c.Width!.Value >= 7));

            var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void A_title_goes_above_the_frozen_headers()
    {
        var output = new MemoryStream();
        FindingsXlsxWriter.Write(output, [Finding("610728-0001", "INC-BELOW-LINE", "risk")], "东风村 2022 年 6 月监测发现");
        output.Position = 0;
        var rows = ReadBack(output, out var document);
        using (document)
        {
            Assert.Equal("东风村 2022 年 6 月监测发现", rows[1][0]);
            Assert.Equal(ExpectedHeaders, rows[2]);
            Assert.Equal("610728-0001", rows[3][0]);
            var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            Assert.Equal(2D, worksheet.Descendants<Pane>().Single().VerticalSplit!.Value);
            Assert.Equal("A1:K1", worksheet.Descendants<MergeCell>().Single().Reference!.Value);
            Assert.Equal("东风村 2022 年 6 月监测发现", document.PackageProperties.Title);
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
        }
    }

    [Fact]
    public void Resident_id_numbers_and_characters_xml_cannot_hold_never_reach_the_sheet()
    {
        var output = new MemoryStream();
        FindingsXlsxWriter.Write(output, [Finding("610728-0001", "X", "risk", "610728198001011233", "成员 610728198001011233 有误\u0001，金额 123456789012345678 元")]);
        output.Position = 0;
        var rows = ReadBack(output, out var document);
        using (document)
        {
            Assert.Equal("610728********1233", rows[2][5]);
            Assert.Equal("成员 610728********1233 有误，金额 123456789012345678 元", rows[2][6]);
        }
    }

    [Fact]
    public void Hundred_thousand_findings_stream_into_a_forward_only_output()
    {
        var template = Finding("610728-000000", "INC-BELOW-LINE", "risk");
        IEnumerable<JsonElement> Many()
        {
            for (var i = 0; i < 100_000; i++)
            {
                yield return template;
            }
        }

        var file = Path.GetTempFileName();
        try
        {
            using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write))
            using (var forwardOnly = new WriteOnlyStream(stream))
            {
                FindingsXlsxWriter.Write(forwardOnly, Many());
            }

            using var input = File.OpenRead(file);
            var rows = ReadBack(input, out var document);
            using (document)
            {
                Assert.Equal(100_001, rows.Count);
                Assert.Equal(100_001U, rows.Keys.Last());
                Assert.Equal("风险", rows[100_001][4]);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void More_findings_than_a_sheet_holds_is_an_error_not_a_silently_cut_list()
    {
        var findings = Enumerable.Repeat(Finding("610728-0001", "INC-BELOW-LINE", "risk"), 4);
        var error = Assert.Throws<InvalidOperationException>(() => FindingsXlsxWriter.Write(new MemoryStream(), findings, null, 4));
        Assert.Contains("行数上限", error.Message, StringComparison.Ordinal);
        FindingsXlsxWriter.Write(new MemoryStream(), findings.Take(3), null, 4);
    }

    private sealed class WriteOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
