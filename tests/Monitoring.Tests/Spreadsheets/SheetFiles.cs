using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitoring.Tests.Spreadsheets;

/// <summary>A number cell holding exactly this raw text (e.g. an Excel serial date or 0.95 formatted as a percentage).</summary>
internal sealed record RawNumber(string Raw);

/// <summary>Builds small .xlsx and .csv files in memory for the tests (no checked-in binaries).</summary>
internal static class SheetFiles
{
    /// <summary>
    /// An .xlsx whose first worksheet holds <paramref name="rows"/> (row 1 first): strings become shared strings
    /// (or inline strings), numbers and <see cref="RawNumber"/> number cells, bools boolean cells, null no cell.
    /// A second sheet is added before it in the package but after it in the workbook's sheet order.
    /// </summary>
    public static MemoryStream Xlsx(IEnumerable<object?[]> rows, bool date1904 = false, bool inlineStrings = false)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var other = workbookPart.AddNewPart<WorksheetPart>();
            other.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("填表说明")) }) { RowIndex = 1U }));
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var strings = workbookPart.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var data = new SheetData();
            uint number = 0;
            foreach (var values in rows)
            {
                number++;
                var row = new Row { RowIndex = number };
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is not { } value)
                    {
                        continue;
                    }

                    var cell = new Cell { CellReference = Column(c) + number.ToString(CultureInfo.InvariantCulture) };
                    switch (value)
                    {
                        case string text when inlineStrings:
                            cell.DataType = CellValues.InlineString;
                            cell.InlineString = new InlineString(new Text(text));
                            break;
                        case string text:
                            if (!index.TryGetValue(text, out var at))
                            {
                                at = index.Count;
                                index[text] = at;
                                strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                            }

                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(at.ToString(CultureInfo.InvariantCulture));
                            break;
                        case bool flag:
                            cell.DataType = CellValues.Boolean;
                            cell.CellValue = new CellValue(flag ? "1" : "0");
                            break;
                        case RawNumber raw:
                            cell.CellValue = new CellValue(raw.Raw);
                            break;
                        case IFormattable formattable:
                            cell.CellValue = new CellValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                            break;
                        default:
                            throw new ArgumentException($"unsupported cell value {value}");
                    }

                    row.AppendChild(cell);
                }

                data.AppendChild(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            var workbook = new Workbook();
            if (date1904)
            {
                workbook.AppendChild(new WorkbookProperties { Date1904 = true });
            }

            workbook.AppendChild(new Sheets(
                new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1U, Name = "成员信息" },
                new Sheet { Id = workbookPart.GetIdOfPart(other), SheetId = 2U, Name = "说明" }));
            workbookPart.Workbook = workbook;
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>An .xlsx whose only worksheet is the given &lt;sheetData&gt; XML, with an optional shared-string table (&lt;si&gt; items).</summary>
    public static MemoryStream XlsxFromXml(string sheetDataXml, string? sharedStringItemsXml = null)
    {
        const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var xml = new MemoryStream(Encoding.UTF8.GetBytes($"<worksheet xmlns=\"{Ns}\">{sheetDataXml}</worksheet>")))
            {
                sheetPart.FeedData(xml);
            }

            if (sharedStringItemsXml is not null)
            {
                var strings = workbookPart.AddNewPart<SharedStringTablePart>();
                using var xml = new MemoryStream(Encoding.UTF8.GetBytes($"<sst xmlns=\"{Ns}\">{sharedStringItemsXml}</sst>"));
                strings.FeedData(xml);
            }

            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1U, Name = "成员信息" }));
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A CSV (RFC 4180 quoting where needed), UTF-8, optionally with a BOM, lines ended by <paramref name="newline"/>.</summary>
    public static MemoryStream Csv(IEnumerable<string?[]> rows, bool bom = false, string newline = "\n")
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row.Select(Quote))).Append(newline);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    /// <summary>The Excel (1900 system) serial number of a date.</summary>
    public static RawNumber Serial(DateOnly date) =>
        new((date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture));

    private static string Quote(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
