using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitoring.Engine.Importing;

/// <summary>
/// Reads the rows of the first worksheet of an .xlsx, one &lt;row&gt; at a time: the Open XML SDK opens the package and
/// finds the workbook's first sheet, the shared strings and the date system; the parts are then read forward with an
/// XmlReader. The shared string table is held in memory (each distinct text once); the sheet itself is not.
/// </summary>
internal static class XlsxRowReader
{
    public static IEnumerable<TabularRow> Read(Stream input, Action<CellContext> onContext)
    {
        Stream? copy = null;
        SpreadsheetDocument? document = null;
        try
        {
            if (!input.CanSeek)
            {
                // The zip central directory is at the end: a forward-only stream is copied to a temporary file first.
                copy = new FileStream(Path.Combine(Path.GetTempPath(), $"{Monitoring.Engine.Output.TemporaryFiles.Prefix("import")}{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                input.CopyTo(copy);
                copy.Position = 0;
            }

            document = Open(copy ?? input);
            var (worksheet, strings, context) = Prepare(document);
            onContext(context);
            foreach (var row in Rows(worksheet, strings))
            {
                yield return row;
            }
        }
        finally
        {
            document?.Dispose();
            copy?.Dispose();
        }
    }

    private static SpreadsheetDocument Open(Stream stream)
    {
        try
        {
            return SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or IOException)
        {
            throw new TabularFormatException(1, "不是有效的 .xlsx 文件（请用 Excel 或 WPS 另存为“Excel 工作簿 (*.xlsx)”）");
        }
    }

    private static (WorksheetPart Sheet, List<string> Strings, CellContext Context) Prepare(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart ?? throw new TabularFormatException(1, "xlsx 文件中没有工作簿");
        var workbook = workbookPart.Workbook;
        var first = workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (first?.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart worksheet)
        {
            throw new TabularFormatException(1, "xlsx 文件中没有工作表（第一张工作表应为数据表）");
        }

        var date1904 = workbook?.WorkbookProperties?.Date1904?.Value ?? false;
        var strings = workbookPart.SharedStringTablePart is { } sst ? ReadSharedStrings(sst) : [];
        return (worksheet, strings, new CellContext(date1904));
    }

    private static XmlReader XmlOf(OpenXmlPart part) =>
        XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings
        {
            CloseInput = true,
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });

    private static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace;

    /// <summary>Each &lt;si&gt; as plain text: its &lt;t&gt; texts joined (rich-text runs), phonetic runs (&lt;rPh&gt;) left out.</summary>
    private static List<string> ReadSharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        var text = new System.Text.StringBuilder();
        using var reader = XmlOf(part);
        var inItem = false;
        var inText = false;
        var phonetic = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    switch (reader.LocalName)
                    {
                        case "si":
                            text.Clear();
                            inItem = !reader.IsEmptyElement;
                            if (reader.IsEmptyElement)
                            {
                                strings.Add("");
                            }

                            break;
                        case "rPh" when !reader.IsEmptyElement:
                            phonetic++;
                            break;
                        case "t":
                            inText = inItem && phonetic == 0 && !reader.IsEmptyElement;
                            break;
                    }

                    break;
                case XmlNodeType.EndElement:
                    switch (reader.LocalName)
                    {
                        case "si":
                            strings.Add(text.ToString());
                            inItem = false;
                            break;
                        case "rPh":
                            phonetic--;
                            break;
                        case "t":
                            inText = false;
                            break;
                    }

                    break;
                case var type when inText && IsText(type):
                    text.Append(reader.Value);
                    break;
            }
        }

        return strings;
    }

    /// <summary>
    /// The rows of &lt;sheetData&gt;, read node by node with an XmlReader over the part (much faster than building
    /// elements): a cell's value is its &lt;v&gt;, or for an inline string its &lt;t&gt; texts outside phonetic runs.
    /// </summary>
    private static IEnumerable<TabularRow> Rows(WorksheetPart worksheet, List<string> strings)
    {
        using var reader = XmlOf(worksheet);
        var cells = new List<TabularCell>();
        var value = new System.Text.StringBuilder();
        long previousRow = 0;
        long rowNumber = 0;
        var column = 0;
        string? type = null;
        var inCell = false;
        var inValue = false;
        var phonetic = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    switch (reader.LocalName)
                    {
                        case "row":
                            rowNumber = uint.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : previousRow + 1;
                            previousRow = rowNumber;
                            cells.Clear();
                            if (reader.IsEmptyElement)
                            {
                                yield return new TabularRow(rowNumber, []);
                            }

                            break;
                        case "c":
                            column = ColumnIndex(reader.GetAttribute("r")) ?? cells.Count;
                            type = reader.GetAttribute("t");
                            value.Clear();
                            inCell = !reader.IsEmptyElement;
                            if (reader.IsEmptyElement)
                            {
                                Put(cells, column, TabularCell.Empty);
                            }

                            break;
                        case "v" when inCell:
                            inValue = !reader.IsEmptyElement && type != "inlineStr";
                            break;
                        case "rPh" when inCell && !reader.IsEmptyElement:
                            phonetic++;
                            break;
                        case "t" when inCell:
                            inValue = !reader.IsEmptyElement && type == "inlineStr" && phonetic == 0;
                            break;
                    }

                    break;
                case XmlNodeType.EndElement:
                    switch (reader.LocalName)
                    {
                        case "v" or "t":
                            inValue = false;
                            break;
                        case "rPh" when inCell:
                            phonetic--;
                            break;
                        case "c":
                            inCell = false;
                            Put(cells, column, ValueOf(type, value.ToString(), strings, rowNumber));
                            break;
                        case "row":
                            yield return new TabularRow(rowNumber, [.. cells]);
                            break;
                        case "sheetData":
                            yield break;
                    }

                    break;
                case var nodeType when inValue && IsText(nodeType):
                    value.Append(reader.Value);
                    break;
            }
        }
    }

    private static void Put(List<TabularCell> cells, int column, TabularCell cell)
    {
        while (cells.Count <= column)
        {
            cells.Add(TabularCell.Empty);
        }

        cells[column] = cell;
    }

    private static TabularCell ValueOf(string? type, string raw, List<string> strings, long row)
    {
        switch (type)
        {
            case "s":
                if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 0 || index >= strings.Count)
                {
                    throw new TabularFormatException(row, "xlsx 文件损坏：单元格引用了不存在的共享字符串");
                }

                return TabularCell.FromText(strings[index]);
            case "b":
                return TabularCell.FromText(raw, CellKind.Boolean);
            case "e":
                return TabularCell.FromText(raw.Length == 0 ? "#ERROR" : raw, CellKind.Error);
            case "inlineStr" or "str" or "d":
                return TabularCell.FromText(raw);
            default:
                return TabularCell.FromText(raw, CellKind.Number);
        }
    }

    /// <summary>0-based column of a reference such as AB12, or null when absent.</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (upper - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return null;
            }
        }

        return letters == 0 ? null : column - 1;
    }
}
