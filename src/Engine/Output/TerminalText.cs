using System.Globalization;
using System.Text;

namespace Monitoring.Engine.Output;

/// <summary>
/// Makes text safe to print on a terminal: C0 and C1 control characters (ESC sequences among them), DEL and the Unicode
/// bidirectional controls (overrides, embeddings, isolates, marks) are written as <c>\u001b</c>-style escapes, never raw.
/// Tabs and line ends are kept; a carriage return only as part of CR LF.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every unsafe character escaped; the same instance when there is none.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var ch = text[i];
            if (IsUnsafe(text, i))
            {
                builder.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether the character is one <see cref="Escape"/> replaces (ignoring the CR LF exception).</summary>
    public static bool IsControl(char ch) =>
        (ch < ' ' && ch is not ('\t' or '\n' or '\r'))
        || ch is '\r'
        || (ch >= '\u007f' && ch <= '\u009f')
        || ch is '\u061c' or '\u200e' or '\u200f'
        || (ch >= '\u202a' && ch <= '\u202e')
        || (ch >= '\u2066' && ch <= '\u2069');

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(string text, int i)
    {
        var ch = text[i];
        if (ch == '\r')
        {
            return i + 1 >= text.Length || text[i + 1] != '\n';
        }

        return IsControl(ch);
    }
}
