using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

using Monitoring.Engine.Cases;

namespace Monitoring.Engine.Formats;

/// <summary>
/// Writes a small list (the public notice list, the due list) as an .xlsx workbook: one sheet, the title on row 1, Chinese
/// headers on row 2, one row per line. Every value passes the resident-ID safeguard of the findings workbook.
/// </summary>
public static class TableXlsxWriter
{
    public static void Write(Stream output, string sheetName, string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> widths)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(widths);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, [title]));
            data.Append(Row(2, headers));
            uint number = 3;
            foreach (var row in rows)
            {
                data.Append(Row(number++, row));
            }

            var columns = new Columns();
            for (var i = 0; i < widths.Count; i++)
            {
                columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
            }

            sheetPart.Worksheet = new Worksheet(columns, data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1U, Name = sheetName }));
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static Row Row(uint number, IEnumerable<string> values)
    {
        var row = new Row { RowIndex = number };
        foreach (var value in values)
        {
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(FindingsXlsxWriter.Clean(value))) });
        }

        return row;
    }
}
