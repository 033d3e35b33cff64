using System.Text;

namespace Monitoring.Engine.Importing;

/// <summary>
/// A streaming RFC 4180 reader: comma-separated fields, optionally in double quotes (a doubled quote is a quote;
/// a quoted field may hold commas and line breaks), records ended by CRLF, LF or CR. UTF-8 with or without a byte
/// order mark; invalid UTF-8 stops the reading with a problem. Lenient where Excel is: a quote inside an unquoted
/// field is kept, text after a closing quote is appended, and Excel's ="0123" form gives 0123.
/// </summary>
internal static class CsvRowReader
{
    /// <summary>A single field longer than this is taken as an unclosed quote rather than read into memory.</summary>
    internal const int MaxFieldLength = 1 << 20;

    public static IEnumerable<TabularRow> Read(Stream input)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        var fields = new List<string>();
        var field = new StringBuilder();
        long record = 0;
        while (true)
        {
            record++;
            if (!ReadRecord(reader, fields, field, record))
            {
                yield break;
            }

            yield return new TabularRow(record, fields.Select(ToCell).ToArray());
        }
    }

    private static TabularCell ToCell(string text)
    {
        if (text.Length >= 3 && text[0] == '=' && text[1] == '"' && text[^1] == '"')
        {
            text = text[2..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        return TabularCell.FromText(text);
    }

    /// <summary>Reads one record into <paramref name="fields"/>; false at the end of the input before any character.</summary>
    private static bool ReadRecord(StreamReader reader, List<string> fields, StringBuilder field, long record)
    {
        fields.Clear();
        field.Clear();
        var quoted = false;
        var any = false;
        while (true)
        {
            var c = Next(reader, record);
            if (c < 0)
            {
                if (quoted)
                {
                    throw new TabularFormatException(record, "引号未闭合：文件在带引号的单元格中结束");
                }

                if (!any)
                {
                    return false;
                }

                fields.Add(field.ToString());
                return true;
            }

            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (Peek(reader, record) == '"')
                    {
                        Next(reader, record);
                        Append(field, '"', record);
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    Append(field, ch, record);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    if (Peek(reader, record) == '\n')
                    {
                        Next(reader, record);
                    }

                    fields.Add(field.ToString());
                    return true;
                case '\n':
                    fields.Add(field.ToString());
                    return true;
                default:
                    Append(field, ch, record);
                    break;
            }
        }
    }

    private static void Append(StringBuilder field, char ch, long record)
    {
        if (field.Length >= MaxFieldLength)
        {
            throw new TabularFormatException(record, $"单元格超过 {MaxFieldLength} 个字符，可能是引号未闭合");
        }

        field.Append(ch);
    }

    private static int Next(StreamReader reader, long record)
    {
        try
        {
            return reader.Read();
        }
        catch (DecoderFallbackException)
        {
            throw new TabularFormatException(record, InvalidUtf8);
        }
    }

    private static int Peek(StreamReader reader, long record)
    {
        try
        {
            return reader.Peek();
        }
        catch (DecoderFallbackException)
        {
            throw new TabularFormatException(record, InvalidUtf8);
        }
    }

    private const string InvalidUtf8 = "文件不是有效的 UTF-8 文本（如为 GBK/GB18030 编码，请在 Excel 中另存为“CSV UTF-8”）";
}
