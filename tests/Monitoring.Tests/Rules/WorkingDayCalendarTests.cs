using Monitoring.Tests.Support;

namespace Monitoring.Tests.Rules;

/// <summary>The State Council calendar as shipped: holidays off, 调休 weekend days on.</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly Monitoring.Rules.Calendars.WorkingDayCalendar Calendar = SharedCatalog.Instance.Calendar;

    [Theory]
    [InlineData("2021-10-01", false)] // National Day
    [InlineData("2021-10-07", false)]
    [InlineData("2021-09-26", true)] // Sunday worked for National Day
    [InlineData("2021-10-09", true)] // Saturday worked
    [InlineData("2021-10-10", false)] // ordinary Sunday
    [InlineData("2022-01-29", true)] // Saturday worked for Spring Festival
    [InlineData("2022-01-30", true)]
    [InlineData("2022-02-01", false)] // Spring Festival
    [InlineData("2022-02-07", true)]
    [InlineData("2026-02-14", true)] // Saturday worked for Spring Festival 2026
    [InlineData("2026-02-23", false)]
    [InlineData("2019-05-03", false)] // 2019 Labour Day as amended by 国办发明电〔2019〕2号
    [InlineData("2019-05-05", true)]
    [InlineData("2020-02-01", false)] // 2020 extension (国办发明电〔2020〕1号) cancelled this adjusted working day
    public void Working_days_follow_the_notices(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    // Approved Tue 2021-09-28: 29, 30 (2), holidays 1–7, 8 (3), 9 Sat worked (4), 11–15 (9), 18 Mon (10).
    [InlineData("2021-09-28", 10, "2021-10-18")]
    // Approved Tue 2022-01-25: 26, 27, 28 (3), Sat 29 and Sun 30 worked (5), holidays 31 Jan–6 Feb, 7–11 Feb (10).
    [InlineData("2022-01-25", 10, "2022-02-11")]
    [InlineData("2023-06-20", 1, "2023-06-21")]
    [InlineData("2021-09-30", 1, "2021-10-08")]
    public void Adding_working_days_skips_holidays_and_counts_adjusted_days(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Calendar.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void A_deadline_running_into_the_year_after_the_latest_notice_is_counted_on_the_provisional_calendar()
    {
        // 2027 has no notice: Fri 25, Mon 28 – Thu 31 December 2026 (5), 1 January 2027 is 元旦, then 4–8 January (10).
        Assert.Equal(new DateOnly(2027, 1, 8), Calendar.AddWorkingDays(new DateOnly(2026, 12, 24), 10, out var provisional));
        Assert.True(provisional);
        Assert.Equal(new DateOnly(2026, 12, 31), Calendar.AddWorkingDays(new DateOnly(2026, 12, 24), 5, out var within2026));
        Assert.False(within2026);
        Assert.True(Calendar.IsProvisional(2027));
        Assert.False(Calendar.IsProvisional(2026));
    }

    [Fact]
    public void Years_beyond_the_provisional_runway_are_refused_not_guessed()
    {
        var error = Assert.Throws<Monitoring.Rules.Calendars.CalendarNotCoveredException>(() => Calendar.AddWorkingDays(new DateOnly(2028, 12, 24), 10));
        Assert.Equal(2029, error.Year);
    }

    [Fact]
    public void From_the_first_of_December_the_missing_notice_of_next_year_is_warned()
    {
        Assert.Null(Calendar.MissingNextYearWarning(new DateOnly(2026, 11, 30)));
        var warning = Calendar.MissingNextYearWarning(new DateOnly(2026, 12, 1));
        Assert.NotNull(warning);
        Assert.Contains("2027", warning, StringComparison.Ordinal);
        Assert.Contains(Monitoring.Rules.Calendars.ProvisionalCalendar.MarkerZh, warning, StringComparison.Ordinal);
        Assert.Null(Calendar.MissingNextYearWarning(new DateOnly(2025, 12, 1))); // 2026's notice is loaded
    }

    [Theory]
    [InlineData(2025, 5)]
    [InlineData(2026, 6)]
    public void The_provisional_calendar_differs_from_the_real_notice_only_on_adjusted_working_days_and_bridge_days(int year, int adjustedDays)
    {
        // The real notices of 2025 and 2026 (rules/calendars/cn), against the statutory holidays of 国务院令第795号 alone.
        var provisional = Monitoring.Rules.Calendars.ProvisionalCalendar.Holidays(year).Select(h => h.Date).ToHashSet();
        var adjusted = new List<DateOnly>();
        var bridges = new List<DateOnly>();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var provisionalWorking = !weekend && !provisional.Contains(day);
            var real = Calendar.IsWorkingDay(day);
            if (provisional.Contains(day))
            {
                Assert.False(real, $"{day:yyyy-MM-dd} 是法定节假日，通知却安排上班");
            }

            if (real == provisionalWorking)
            {
                continue;
            }

            if (real)
            {
                Assert.True(weekend, $"{day:yyyy-MM-dd} 通知上班而暂定日历放假，却不是调休的周末");
                adjusted.Add(day);
            }
            else
            {
                Assert.False(weekend);
                bridges.Add(day); // a weekday off the notice buys with a worked weekend day
            }
        }

        Assert.Equal(adjustedDays, adjusted.Count);
        Assert.Equal(adjusted.Count, bridges.Count);
    }

    [Fact]
    public void Every_year_2019_to_2026_has_its_notice()
    {
        for (var year = 2019; year <= 2026; year++)
        {
            Assert.True(Calendar.Covers(year), $"{year} 年缺少节假日安排");
            Assert.Contains("国办发明电", Calendar.NoticeByYear[year], StringComparison.Ordinal);
        }
    }
}
