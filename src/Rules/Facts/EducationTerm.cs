using System.Globalization;

namespace Monitoring.Rules.Facts;

/// <summary>
/// A school term of 特惠性教育资助 written <c>YYYY-spring</c> or <c>YYYY-autumn</c>, and the day its aid must have been
/// paid by (000 row 36): the spring term on 06-30 of its year, the autumn term on 12-31.
/// </summary>
public sealed record EducationTerm(int Year, bool Spring)
{
    public DateOnly Deadline => Spring ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

    public override string ToString() => Spring ? $"{Year}-spring" : $"{Year}-autumn";

    /// <summary>The term, or null when the text is not <c>YYYY-spring</c> / <c>YYYY-autumn</c>.</summary>
    public static EducationTerm? Parse(string? text)
    {
        if (text is null || text.Length < 11 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000)
        {
            return null;
        }

        return text.AsSpan(5) switch
        {
            "spring" => new EducationTerm(year, true),
            "autumn" => new EducationTerm(year, false),
            _ => null,
        };
    }
}
