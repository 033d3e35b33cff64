using System.Text.Encodings.Web;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;
using Monitoring.Web.Charts;

namespace Monitoring.Tests.Web;

public sealed class ChartSvgTests
{
    private static XElement Parse(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return XElement.Parse(writer.ToString().Replace("&nbsp;", " ", StringComparison.Ordinal));
    }

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Bars_are_proportional_to_their_values_and_labels_are_escaped()
    {
        var svg = Parse(BarChartSvg.Render("按规则统计", [new ChartPoint("<script>", 50), new ChartPoint("INC-BELOW-LINE", 100), new ChartPoint("零", 0)]));

        var widths = svg.Elements(Svg + "rect").Select(r => decimal.Parse(r.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, widths.Count);
        Assert.Equal(widths[1] / 2, widths[0]);
        Assert.Equal(0, widths[2]);
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "<script>");
        Assert.Null(svg.Attribute("style"));
    }

    [Fact]
    public void A_line_has_one_point_per_night_and_rises_with_the_value()
    {
        var svg = Parse(LineChartSvg.Render("趋势", ["06-28", "06-29", "06-30"], [new ChartSeries("候选户", [10, 20, 40])]));

        var points = svg.Element(Svg + "polyline")!.Attribute("points")!.Value.Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(3, points.Count);
        Assert.True(points[0][1] > points[1][1] && points[1][1] > points[2][1], "higher values are drawn higher (smaller y)");
        Assert.True(points[0][0] < points[1][0] && points[1][0] < points[2][0]);
    }
}
