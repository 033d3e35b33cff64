using System.Globalization;
using System.Net;
using System.Text;

namespace Monitoring.Web.Charts;

/// <summary>
/// Small helpers for server-rendered SVG: numbers in invariant culture, text escaped for HTML/XML, and a nice axis
/// maximum. Charts use presentation attributes and CSS classes only (no style attributes: the CSP forbids inline styles).
/// </summary>
internal static class SvgWriter
{
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Text(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The value label shown beside a bar or a point: integers with thousands separators.</summary>
    public static string Label(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="max"/> (1 for an empty or zero series).</summary>
    public static decimal NiceMaximum(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = 1m;
        while (magnitude * 10 <= max)
        {
            magnitude *= 10;
        }

        while (magnitude > max && magnitude > 0.01m)
        {
            magnitude /= 10;
        }

        foreach (var step in new[] { 1m, 2m, 5m, 10m })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    public static void Open(StringBuilder svg, int width, int height, string title)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Text(title)}\">");
        svg.Append("<title>").Append(Text(title)).Append("</title>");
    }
}
