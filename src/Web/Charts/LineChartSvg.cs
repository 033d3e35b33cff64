using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Monitoring.Web.Charts;

/// <summary>
/// A line chart rendered on the server as inline SVG: one line per series over the x labels (nights), horizontal grid
/// lines with their values, and the x labels thinned so they do not overlap. Used for trends over nights.
/// </summary>
public static class LineChartSvg
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 12;
    private const int Bottom = 40;
    private const int GridLines = 4;
    private const int MaxXLabels = 8;

    public static IHtmlContent Render(string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(series);
        var svg = new StringBuilder();
        SvgWriter.Open(svg, Width, Height, title);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var max = SvgWriter.NiceMaximum(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        for (var g = 0; g <= GridLines; g++)
        {
            var value = max * g / GridLines;
            var y = Top + plotHeight - (double)(value / max) * plotHeight;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"{(g == 0 ? "axis" : "grid")}\" x1=\"{Left}\" y1=\"{SvgWriter.Number(y)}\" x2=\"{Width - Right}\" y2=\"{SvgWriter.Number(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"value\" x=\"{Left - 6}\" y=\"{SvgWriter.Number(y + 4)}\" text-anchor=\"end\">{SvgWriter.Label(value)}</text>");
        }

        double X(int index) => labels.Count <= 1 ? Left + plotWidth / 2.0 : Left + index * (double)plotWidth / (labels.Count - 1);
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / (double)MaxXLabels));
        for (var i = 0; i < labels.Count; i++)
        {
            if (i % every == 0 || i == labels.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{SvgWriter.Number(X(i))}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{SvgWriter.Text(labels[i])}</text>");
            }
        }

        for (var s = 0; s < series.Count; s++)
        {
            var values = series[s].Values;
            var points = new StringBuilder();
            for (var i = 0; i < Math.Min(values.Count, labels.Count); i++)
            {
                var y = Top + plotHeight - (double)(values[i] / max) * plotHeight;
                points.Append(CultureInfo.InvariantCulture, $"{SvgWriter.Number(X(i))},{SvgWriter.Number(y)} ");
            }

            var css = $"series-{s % 4}";
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line {css}\" fill=\"none\" points=\"{points.ToString().TrimEnd()}\"/>");
            for (var i = 0; i < Math.Min(values.Count, labels.Count); i++)
            {
                var y = Top + plotHeight - (double)(values[i] / max) * plotHeight;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<circle class=\"{css}\" cx=\"{SvgWriter.Number(X(i))}\" cy=\"{SvgWriter.Number(y)}\" r=\"3\"><title>{SvgWriter.Text(series[s].Name)} {SvgWriter.Text(labels[i])}：{SvgWriter.Label(values[i])}</title></circle>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
