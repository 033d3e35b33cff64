using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Monitoring.Web.Charts;

/// <summary>
/// A horizontal bar chart rendered on the server as inline SVG: one bar per point, its label on the left and its value
/// after the bar. Used for findings by rule, counts by village and the review funnel; pages show the same figures in a
/// table beside it.
/// </summary>
public static class BarChartSvg
{
    private const int Width = 640;
    private const int LabelWidth = 190;
    private const int ValueWidth = 70;
    private const int RowHeight = 26;
    private const int BarHeight = 16;
    private const int Top = 6;

    public static IHtmlContent Render(string title, IReadOnlyList<ChartPoint> points, bool highlightFirst = false)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(points);
        var height = Top * 2 + Math.Max(1, points.Count) * RowHeight;
        var svg = new StringBuilder();
        SvgWriter.Open(svg, Width, height, title);
        var plot = Width - LabelWidth - ValueWidth;
        var max = SvgWriter.NiceMaximum(points.Count == 0 ? 0 : points.Max(p => p.Value));
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{LabelWidth}\" y1=\"{Top}\" x2=\"{LabelWidth}\" y2=\"{height - Top}\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var y = Top + i * RowHeight;
            var length = point.Value <= 0 ? 0 : Math.Max(1m, point.Value / max * plot);
            var barClass = highlightFirst && i == 0 ? "bar alt" : "bar";
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 6}\" y=\"{y + RowHeight / 2 + 4}\" text-anchor=\"end\">{SvgWriter.Text(Shorten(point.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{barClass}\" x=\"{LabelWidth}\" y=\"{y + (RowHeight - BarHeight) / 2}\" width=\"{SvgWriter.Number(length)}\" height=\"{BarHeight}\"><title>{SvgWriter.Text(point.Label)}：{SvgWriter.Label(point.Value)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"value\" x=\"{SvgWriter.Number(LabelWidth + length + 5)}\" y=\"{y + RowHeight / 2 + 4}\">{SvgWriter.Label(point.Value)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Labels longer than the label column are cut with an ellipsis (the full label is in the bar's tooltip and the table).</summary>
    private static string Shorten(string label) => label.Length <= 24 ? label : label[..23] + "…";
}
