using System.Text;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Sql;

/// <summary>Builds rows in PostgreSQL's COPY text format (tab-separated, <c>\N</c> for null, backslash escapes).</summary>
internal static class CopyText
{
    public static StringBuilder Field(this StringBuilder row, string? value)
    {
        if (row.Length > 0 && row[^1] != '\n')
        {
            row.Append('\t');
        }

        if (value is null)
        {
            return row.Append("\\N");
        }

        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => row.Append("\\\\"),
                '\t' => row.Append("\\t"),
                '\n' => row.Append("\\n"),
                '\r' => row.Append("\\r"),
                _ => row.Append(c),
            };
        }

        return row;
    }

    public static StringBuilder Field(this StringBuilder row, long? value) =>
        row.Field(value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static StringBuilder Field(this StringBuilder row, DateOnly value) =>
        row.Field(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public static StringBuilder EndRow(this StringBuilder row) => row.Append('\n');
}
