namespace Monitoring.Rules.Calendars;

/// <summary>
/// The State Council working-day calendar: Monday to Friday are working days except public holidays;
/// weekend days declared working days (调休) are working days. Years without a loaded notice fall back
/// to weekends only, and say so through <see cref="Covers"/>.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _adjustedWorkingDays;
    private readonly Dictionary<int, string> _noticeByYear;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> adjustedWorkingDays, IReadOnlyDictionary<int, string> noticeByYear)
    {
        _holidays = [.. holidays];
        _adjustedWorkingDays = [.. adjustedWorkingDays];
        _noticeByYear = new Dictionary<int, string>(noticeByYear);
    }

    public static WorkingDayCalendar WeekendsOnly { get; } = new([], [], new Dictionary<int, string>());

    public IReadOnlyDictionary<int, string> NoticeByYear => _noticeByYear;

    public bool Covers(int year) => _noticeByYear.ContainsKey(year);

    /// <summary>Every holiday, adjusted working day and notice, in a stable text form (for rule-set versions).</summary>
    public string Fingerprint() =>
        string.Join(",", _holidays.Order().Select(d => "h" + d.DayNumber))
        + ";" + string.Join(",", _adjustedWorkingDays.Order().Select(d => "w" + d.DayNumber))
        + ";" + string.Join(",", _noticeByYear.OrderBy(kv => kv.Key).Select(kv => kv.Key + "=" + kv.Value));

    public bool IsWorkingDay(DateOnly date)
    {
        if (_adjustedWorkingDays.Contains(date))
        {
            return true;
        }

        if (_holidays.Contains(date))
        {
            return false;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="date"/> (the date itself is not counted).
    /// Throws <see cref="CalendarNotCoveredException"/> when the count passes through a year without a loaded notice
    /// (the calendar never guesses holidays); the weekends-only calendar counts Monday to Friday.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = date;
        var remaining = count;
        while (remaining > 0)
        {
            current = current.AddDays(1);
            if (_noticeByYear.Count > 0 && !_noticeByYear.ContainsKey(current.Year))
            {
                throw new CalendarNotCoveredException(current.Year);
            }

            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }
}
