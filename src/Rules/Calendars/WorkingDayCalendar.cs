namespace Monitoring.Rules.Calendars;

/// <summary>
/// The State Council working-day calendar: Monday to Friday are working days except public holidays;
/// weekend days declared working days (调休) are working days. The <see cref="ProvisionalYears"/> years after the latest
/// loaded notice get a provisional calendar (<see cref="ProvisionalCalendar"/>: statutory holidays, no 调休); other years
/// without a notice cannot be counted in working days (<see cref="CalendarNotCoveredException"/>).
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>How many years after the latest notice get a provisional calendar.</summary>
    public const int ProvisionalYears = 2;

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _adjustedWorkingDays;
    private readonly Dictionary<int, string> _noticeByYear;
    private readonly Dictionary<int, HashSet<DateOnly>> _provisional = [];

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> adjustedWorkingDays, IReadOnlyDictionary<int, string> noticeByYear)
    {
        _holidays = [.. holidays];
        _adjustedWorkingDays = [.. adjustedWorkingDays];
        _noticeByYear = new Dictionary<int, string>(noticeByYear);
        if (_noticeByYear.Count > 0)
        {
            var latest = _noticeByYear.Keys.Max();
            for (var year = latest + 1; year <= latest + ProvisionalYears; year++)
            {
                _provisional[year] = [.. ProvisionalCalendar.Holidays(year).Select(h => h.Date)];
            }
        }
    }

    /// <summary>The year has no notice but a provisional calendar (statutory holidays only, 调休 unknown).</summary>
    public bool IsProvisional(int year) => _provisional.ContainsKey(year);

    /// <summary>
    /// From 1 December, the warning that next year's notice is not loaded (deadlines that run into it are provisional);
    /// null when it is loaded or before December.
    /// </summary>
    public string? MissingNextYearWarning(DateOnly today) =>
        today.Month == 12 && _noticeByYear.Count > 0 && !Covers(today.Year + 1)
            ? $"尚未载入国务院办公厅关于{today.Year + 1}年部分节假日安排的通知：跨入 {today.Year + 1} 年的工作日时限{(IsProvisional(today.Year + 1) ? $"{ProvisionalCalendar.MarkerZh}（{ProvisionalCalendar.BasisZh}），通知载入后重新计算" : "无法计算")}。请在通知发布后加入 rules/calendars/cn/{today.Year + 1}.yaml。"
            : null;

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

        if (_provisional.Count > 0 && _provisional.TryGetValue(date.Year, out var provisional) && provisional.Contains(date))
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
    public DateOnly AddWorkingDays(DateOnly date, int count) => AddWorkingDays(date, count, out _);

    /// <summary>
    /// As <see cref="AddWorkingDays(DateOnly, int)"/>; <paramref name="provisional"/> says the count passed through a year
    /// counted on its provisional calendar (the deadline is then marked <see cref="ProvisionalCalendar.MarkerZh"/>).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int count, out bool provisional)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        provisional = false;
        var current = date;
        var remaining = count;
        while (remaining > 0)
        {
            current = current.AddDays(1);
            if (_noticeByYear.Count > 0 && !_noticeByYear.ContainsKey(current.Year))
            {
                if (!_provisional.ContainsKey(current.Year))
                {
                    throw new CalendarNotCoveredException(current.Year);
                }

                provisional = true;
            }

            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }
}
