using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Codes;
using Monitoring.Engine.Output;


namespace Monitoring.Engine.Formats;

/// <summary>
/// Writes findings (the JSON objects <c>FindingJson</c> writes) as an .xlsx list for village staff: one sheet 发现清单,
/// Chinese headers, a frozen header row with a filter, fixed column widths, text wrapped in 说明. The package is
/// written straight into a zip stream and the sheet with <see cref="OpenXmlWriter"/>, row by row, so memory stays flat
/// for any number of findings and the output stream need not be seekable. Findings never carry resident ID numbers;
/// as a safeguard any 18-character sequence with a valid GB 11643 check character is masked (610728********1234).
/// </summary>
public static class FindingsXlsxWriter
{
    public const string SheetName = "发现清单";

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const int MaxCellText = 32_767;
    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint BodyStyle = 3;
    private const uint WrapStyle = 4;
    private const double LineHeight = 16.5;
    private const uint ExcelMaxRows = 1_048_576;

    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The columns: header, finding field, width in characters, wrapped.</summary>
    private static readonly (string Header, string Field, double Width, bool Wrap)[] Columns =
    [
        ("户编码", "householdId", 18, false),
        ("村级代码", "villageCode", 15, false),
        ("规则编号", "ruleId", 24, false),
        ("规则名称", "titleZh", 30, true),
        ("级别", "severity", 7, false),
        ("成员", "memberId", 8, false),
        ("说明", "explanation", 60, true),
        ("依据", "source", 36, true),
        ("评估日", "asOf", 12, false),
        ("地区配置", "profile", 22, false),
        ("规则版本", "ruleVersion", 18, false),
    ];

    /// <summary>The Chinese column headers, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } = [.. Columns.Select(c => c.Header)];

    private static readonly Dictionary<string, string> SeverityZh = DomainLabels.Severities.Codes.ToDictionary(c => c.Code, c => c.Zh, StringComparer.Ordinal);

    /// <summary>
    /// Writes the findings in the order given. With a <paramref name="title"/>, row 1 holds it (merged across the
    /// columns) and the headers are on row 2; both rows stay frozen. The output stream is left open.
    /// </summary>
    /// <exception cref="InvalidOperationException">More findings than an Excel sheet has rows (1,048,576 with the header); the output is then incomplete.</exception>
    public static void Write(Stream output, IEnumerable<JsonElement> findings, string? title = null) =>
        Write(output, findings, title, ExcelMaxRows);

    internal static void Write(Stream output, IEnumerable<JsonElement> findings, string? title, uint maxRows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(findings);
        title = string.IsNullOrWhiteSpace(title) ? null : Clean(title);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        WriteXml(zip, "[Content_Types].xml", ContentTypes);
        WriteXml(zip, "_rels/.rels", w => Relationships(w,
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml")));
        WriteXml(zip, "docProps/core.xml", w => CoreProperties(w, title));
        WriteXml(zip, "xl/_rels/workbook.xml.rels", w => Relationships(w,
            ("rId1", RelNs + "/worksheet", "worksheets/sheet1.xml"),
            ("rId2", RelNs + "/styles", "styles.xml")));
        WriteXml(zip, "xl/styles.xml", w => BuildStyles().WriteTo(w));

        var headerRow = title is null ? 1u : 2u;
        uint lastRow;
        using (var stream = NewEntry(zip, "xl/worksheets/sheet1.xml"))
        {
            lastRow = WriteSheet(stream, findings, title, headerRow, maxRows);
        }

        WriteXml(zip, "xl/workbook.xml", w => BuildWorkbook(headerRow, lastRow).WriteTo(w));
    }

    private static uint WriteSheet(Stream stream, IEnumerable<JsonElement> findings, string? title, uint headerRow, uint maxRows)
    {
        var lastColumn = ColumnLetter(Columns.Length - 1);
        using var writer = OpenXmlWriter.Create(stream, Encoding.UTF8);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet(), [], [new("r", RelNs)]);
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var topLeft = $"A{headerRow + 1}";
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = headerRow, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([new StringValue(topLeft)]) })
        { WorkbookViewId = 0U, TabSelected = true }));
        writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15D });
        var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns();
        for (var i = 0; i < Columns.Length; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Columns[i].Width, CustomWidth = true });
        }

        writer.WriteElement(columns);
        writer.WriteStartElement(new SheetData());
        var cells = new string[Columns.Length];
        if (title is not null)
        {
            WriteRow(writer, 1, [title], TitleStyle, 24D);
        }

        WriteRow(writer, headerRow, [.. Columns.Select(c => c.Header)], HeaderStyle, 20D);
        var row = headerRow;
        foreach (var finding in findings)
        {
            if (row >= maxRows)
            {
                throw new InvalidOperationException($"发现超过 Excel 单张工作表的行数上限（{maxRows:N0} 行），请按乡镇或村分批导出");
            }

            if (finding.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"第 {row - headerRow + 1} 条发现不是 JSON 对象", nameof(findings));
            }

            for (var i = 0; i < Columns.Length; i++)
            {
                cells[i] = CellText(finding, Columns[i].Field);
            }

            WriteRow(writer, ++row, cells, null, null);
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteElement(new AutoFilter { Reference = $"A{headerRow}:{lastColumn}{row}" });
        if (title is not null)
        {
            writer.WriteElement(new MergeCells(new MergeCell { Reference = $"A1:{lastColumn}1" }) { Count = 1U });
        }

        writer.WriteElement(new PageMargins { Left = 0.4D, Right = 0.4D, Top = 0.5D, Bottom = 0.5D, Header = 0.3D, Footer = 0.3D });
        writer.WriteElement(new PageSetup { PaperSize = 9U, Orientation = OrientationValues.Landscape, FitToWidth = 1U, FitToHeight = 0U });
        writer.WriteEndElement(); // worksheet
        return row;
    }

    private static void WriteRow(OpenXmlWriter writer, uint number, string[] values, uint? style, double? height)
    {
        var rowAttributes = new List<OpenXmlAttribute> { new("r", "", number.ToString(CultureInfo.InvariantCulture)) };
        height ??= style is null ? EstimatedHeight(values) : null;
        if (height is { } h)
        {
            rowAttributes.Add(new("ht", "", h.ToString(CultureInfo.InvariantCulture)));
            rowAttributes.Add(new("customHeight", "", "1"));
        }

        writer.WriteStartElement(new Row(), rowAttributes);
        for (var i = 0; i < values.Length; i++)
        {
            var cellStyle = (style ?? (Columns[i].Wrap ? WrapStyle : BodyStyle)).ToString(CultureInfo.InvariantCulture);
            var reference = ColumnLetter(i) + number.ToString(CultureInfo.InvariantCulture);
            var text = values[i];
            if (text.Length == 0)
            {
                // An empty cell still carries its style, so the borders of the list stay unbroken.
                writer.WriteStartElement(new Cell(), [new("r", "", reference), new("s", "", cellStyle)]);
                writer.WriteEndElement();
                continue;
            }

            writer.WriteStartElement(new Cell(), [new("r", "", reference), new("s", "", cellStyle), new("t", "", "inlineStr")]);
            writer.WriteStartElement(new InlineString());
            if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            {
                writer.WriteStartElement(new Text(), [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]);
            }
            else
            {
                writer.WriteStartElement(new Text());
            }

            writer.WriteString(text);
            writer.WriteEndElement(); // t
            writer.WriteEndElement(); // is
            writer.WriteEndElement(); // c
        }

        writer.WriteEndElement(); // row
    }

    /// <summary>
    /// A row height that shows every line of the wrapped columns (spreadsheet programs do not reliably fit row heights
    /// when opening a file), or null for a single line. A CJK character is counted two width units, others 0.9; lines are given 16.5 points, room for the CJK fonts.
    /// </summary>
    private static double? EstimatedHeight(string[] values)
    {
        var lines = 1;
        for (var i = 0; i < values.Length; i++)
        {
            if (!Columns[i].Wrap || values[i].Length == 0)
            {
                continue;
            }

            var perLine = Math.Max(1D, Columns[i].Width - 1);
            var here = 0;
            foreach (var paragraph in values[i].Split('\n'))
            {
                var units = paragraph.Sum(c => c >= '\u2E80' ? 2D : 0.9D);
                here += Math.Max(1, (int)Math.Ceiling(units / perLine));
            }

            lines = Math.Max(lines, here);
        }

        return lines == 1 ? null : Math.Min(409, lines * LineHeight);
    }

    /// <summary>The cell text of one finding field: strings as written, numbers as their JSON text, null or absent as empty.</summary>
    private static string CellText(JsonElement finding, string field)
    {
        if (!finding.TryGetProperty(field, out var value))
        {
            return "";
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => value.GetRawText(),
        };
        if (field == "severity" && SeverityZh.TryGetValue(text, out var zh))
        {
            text = zh;
        }

        return Clean(text);
    }

    /// <summary>Masks anything that looks like a resident ID, drops characters XML cannot hold, and keeps within Excel's cell limit.</summary>
    internal static string Clean(string text)
    {
        text = ResidentIdMasking.Apply(text);

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(ch).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(ch) || !XmlConvert.IsXmlChar(ch))
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
            }
            else
            {
                builder?.Append(ch);
            }
        }

        var clean = builder?.ToString() ?? text;
        return clean.Length > MaxCellText ? clean[..MaxCellText] : clean;
    }

    private static string ColumnLetter(int index) => ((char)('A' + index)).ToString();

    private static Stream NewEntry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        return entry.Open();
    }

    private static void WriteXml(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = NewEntry(zip, name);
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        writer.WriteStartDocument(true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter w)
    {
        const string Ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        w.WriteStartElement("Types", Ns);
        foreach (var (extension, type) in new[]
        {
            ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
            ("xml", "application/xml"),
        })
        {
            w.WriteStartElement("Default", Ns);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        foreach (var (part, type) in new[]
        {
            ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            ("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
            ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        })
        {
            w.WriteStartElement("Override", Ns);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Relationships(XmlWriter w, params (string Id, string Type, string Target)[] relationships)
    {
        w.WriteStartElement("Relationships", PackageRelNs);
        foreach (var (id, type, target) in relationships)
        {
            w.WriteStartElement("Relationship", PackageRelNs);
            w.WriteAttributeString("Id", id);
            w.WriteAttributeString("Type", type);
            w.WriteAttributeString("Target", target);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void CoreProperties(XmlWriter w, string? title)
    {
        const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string Dc = "http://purl.org/dc/elements/1.1/";
        w.WriteStartElement("cp", "coreProperties", Cp);
        w.WriteAttributeString("xmlns", "dc", null, Dc);
        if (title is not null)
        {
            w.WriteElementString("dc", "title", Dc, title);
        }

        w.WriteElementString("dc", "creator", Dc, "Monitoring 防返贫动态监测");
        w.WriteEndElement();
    }

    private static Workbook BuildWorkbook(uint headerRow, uint lastRow)
    {
        var lastColumn = ColumnLetter(Columns.Length - 1);
        var workbook = new Workbook(
            new BookViews(new WorkbookView()),
            new Sheets(new Sheet { Name = SheetName, SheetId = 1U, Id = "rId1" }),
            new DefinedNames(
                new DefinedName($"'{SheetName}'!$A${headerRow}:${lastColumn}${lastRow}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0U, Hidden = true },
                new DefinedName($"'{SheetName}'!$1:${headerRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0U }));
        workbook.AddNamespaceDeclaration("r", RelNs);
        return workbook;
    }

    private static Stylesheet BuildStyles()
    {
        const string Font = "宋体";
        var border = new Border(
            new LeftBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var stylesheet = new Stylesheet(
            new Fonts(
                new DocumentFormat.OpenXml.Spreadsheet.Font(new FontSize { Val = 11D }, new FontName { Val = Font }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 }),
                new DocumentFormat.OpenXml.Spreadsheet.Font(new Bold(), new FontSize { Val = 14D }, new FontName { Val = Font }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 }),
                new DocumentFormat.OpenXml.Spreadsheet.Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = Font }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 }))
            { Count = 3U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
            { Count = 3U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), border) { Count = 2U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center }) { NumberFormatId = 49U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true, ApplyAlignment = true, ApplyNumberFormat = true },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { NumberFormatId = 49U, FontId = 2U, FillId = 2U, BorderId = 1U, FormatId = 0U, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true, ApplyNumberFormat = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 49U, FontId = 0U, FillId = 0U, BorderId = 1U, FormatId = 0U, ApplyBorder = true, ApplyAlignment = true, ApplyNumberFormat = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 49U, FontId = 0U, FillId = 0U, BorderId = 1U, FormatId = 0U, ApplyBorder = true, ApplyAlignment = true, ApplyNumberFormat = true })
            { Count = 5U },
            new CellStyles(new CellStyle { Name = "常规", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
        return stylesheet;
    }
}
