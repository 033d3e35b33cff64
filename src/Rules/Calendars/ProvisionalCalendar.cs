using System.Globalization;

namespace Monitoring.Rules.Calendars;

/// <summary>
/// The statutory public holidays of a year by 《全国年节及纪念日放假办法》 as revised in 2024 (国务院令第795号), for a year whose
/// State Council notice is not yet published: 元旦 1 day (1 January), 春节 4 days (除夕 to 初三), 清明 1 day (the solar term),
/// 劳动节 2 days (1–2 May), 端午 1 day (五月初五), 中秋 1 day (八月十五), 国庆 3 days (1–3 October), and the 补假 the same
/// 办法 grants when a statutory holiday falls on a Saturday or Sunday (the next weekdays after the holiday). Lunar dates come
/// from <see cref="ChineseLunisolarCalendar"/>. The adjusted working days (调休) and the bridge days they pay for are only
/// known from the notice, so deadlines counted on this calendar are provisional (<see cref="MarkerZh"/>).
/// </summary>
public static class ProvisionalCalendar
{
    /// <summary>The one wording of the provisional mark, shown with every deadline computed on a provisional year.</summary>
    public const string MarkerZh = "暂按法定节假日计算，未含调休";

    /// <summary>Where the provisional holidays come from.</summary>
    public const string BasisZh = "《全国年节及纪念日放假办法》（2024 年修订，国务院令第795号）法定节假日及周末补假";

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The statutory holidays (with 补假) of <paramref name="year"/>, each day with its festival name.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Holidays(int year)
    {
        var blocks = new List<(string Name, DateOnly[] Days)>
        {
            ("元旦", [new DateOnly(year, 1, 1)]),
            ("春节", SpringFestival(year)),
            ("清明节", [Qingming(year)]),
            ("劳动节", [new DateOnly(year, 5, 1), new DateOnly(year, 5, 2)]),
            ("端午节", [LunarDate(year, 5, 5)]),
            ("中秋节", [LunarDate(year, 8, 15)]),
            ("国庆节", [new DateOnly(year, 10, 1), new DateOnly(year, 10, 2), new DateOnly(year, 10, 3)]),
        };

        var days = new SortedDictionary<DateOnly, string>();
        foreach (var (name, block) in blocks)
        {
            foreach (var day in block)
            {
                days.TryAdd(day, name);
            }
        }

        // 补假: a statutory day on a weekend is made up on the next weekday after the block that is not already a holiday.
        foreach (var (name, block) in blocks.OrderBy(b => b.Days[^1]))
        {
            var owed = block.Count(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            for (var day = block[^1].AddDays(1); owed > 0; day = day.AddDays(1))
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && days.TryAdd(day, name + "（补假）"))
                {
                    owed--;
                }
            }
        }

        return [.. days.Select(kv => (kv.Key, kv.Value))];
    }

    /// <summary>除夕 (the last day of the twelfth lunar month) to 初三 of the lunar year that begins in <paramref name="year"/>.</summary>
    private static DateOnly[] SpringFestival(int year)
    {
        var newYear = LunarDate(year, 1, 1);
        return [newYear.AddDays(-1), newYear, newYear.AddDays(1), newYear.AddDays(2)];
    }

    /// <summary>The Gregorian date of a lunar month and day (never the leap month) of the lunar year starting in <paramref name="year"/>.</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明 (the solar term at 15° of solar longitude) in 2001–2099: day = ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋ of April, Y the
    /// year's last two digits (the usual closed form of the term dates for the 21st century).
    /// </summary>
    private static DateOnly Qingming(int year)
    {
        if (year is < 2001 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "清明节气公式只适用于 2001–2099 年");
        }

        var y = year % 100;
        var day = (int)Math.Floor((y * 0.2422m) + 4.81m) - (y / 4);
        return new DateOnly(year, 4, day);
    }
}
