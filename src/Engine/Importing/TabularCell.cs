namespace Monitoring.Engine.Importing;

/// <summary>How a spreadsheet stored a cell: text, a number (which may be an Excel serial date), a boolean or an error value.</summary>
internal enum CellKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Error,
}

/// <summary>One cell as read, trimmed; <see cref="Text"/> is the raw number for <see cref="CellKind.Number"/> cells.</summary>
internal readonly record struct TabularCell(string Text, CellKind Kind)
{
    public static readonly TabularCell Empty = new("", CellKind.Empty);

    public bool IsEmpty => Kind == CellKind.Empty;

    /// <summary>A cell from text: surrounding white space (also U+3000 and no-break space) removed; empty text is an empty cell.</summary>
    public static TabularCell FromText(string? text, CellKind kind = CellKind.Text)
    {
        var trimmed = text?.Trim() ?? ""; // string.Trim removes every Unicode white space, U+3000 and U+00A0 included
        return trimmed.Length == 0 ? Empty : new TabularCell(trimmed, kind);
    }
}

/// <summary>One row of the sheet or one CSV record; <see cref="Number"/> is the 1-based row number a spreadsheet program shows.</summary>
internal sealed class TabularRow(long number, TabularCell[] cells)
{
    public long Number { get; } = number;

    public TabularCell this[int column] => column >= 0 && column < cells.Length ? cells[column] : TabularCell.Empty;

    public int Count => cells.Length;

    public bool IsBlank => cells.All(c => c.IsEmpty);
}

/// <summary>The file itself cannot be read further (not an xlsx package, invalid UTF-8, an unclosed quote).</summary>
internal sealed class TabularFormatException(long row, string reason) : Exception(reason)
{
    public long Row { get; } = row;
}

/// <summary>What a cell converter needs to know about the workbook.</summary>
internal sealed record CellContext(bool Date1904)
{
    public static readonly CellContext Default = new(false);
}
