using System.Net;
using System.Text;

using Monitoring.Engine.Cases;
using Monitoring.Engine.Output;

namespace Monitoring.Engine.Formats;

/// <summary>
/// Writes the public notice list as one self-contained, printable HTML page in Chinese (inline CSS with print rules, no
/// scripts, no external resources); every value is HTML-escaped.
/// </summary>
public static class NoticeListHtmlWriter
{
    private const string Style = """
        body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; margin: 2em; color: #000; }
        h1 { font-size: 20pt; text-align: center; margin-bottom: 0.3em; }
        p.meta { text-align: center; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; font-size: 11pt; }
        th, td { border: 1px solid #000; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #ddebf7; }
        p.note { margin-top: 1.5em; line-height: 1.8; }
        @page { size: A4 landscape; margin: 15mm; }
        @media print { body { margin: 0; } th { background: none; } thead { display: table-header-group; } tr { page-break-inside: avoid; } }
        """;

    public static void Write(TextWriter output, IReadOnlyList<NoticeListEntry> entries, string village, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        var title = NoticeListColumns.Title(village, asOf);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n<style>\n")
            .Append(Style).Append("\n</style>\n</head>\n<body>\n<h1>").Append(E(title)).Append("</h1>\n")
            .Append("<p class=\"meta\">共 ").Append(entries.Count).Append(" 户</p>\n<table>\n<thead><tr>");
        foreach (var header in NoticeListColumns.Headers)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < entries.Count; i++)
        {
            html.Append("<tr>");
            foreach (var cell in NoticeListColumns.Cells(entries[i], i + 1))
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        if (entries.Count == 0)
        {
            html.Append("<tr><td colspan=\"").Append(NoticeListColumns.Headers.Count).Append("\">本村当前无公示中的农户</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"note\">公示期内，如对上述农户纳入监测或风险消除有异议，请向村民委员会或镇（街道）反映。")
            .Append("<br>依据：村级民主评议及公示（000 row 78；001 附#49）；风险消除村公示（004 #3）。</p>\n</body>\n</html>\n");
        output.Write(html.ToString());
    }

    /// <summary>Resident ID numbers masked, control characters escaped, then HTML-escaped.</summary>
    private static string E(string text) => WebUtility.HtmlEncode(SafeTextWriter.Clean(text));
}
