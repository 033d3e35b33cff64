namespace Monitoring.Rules.Calendars;

/// <summary>A working-day count reached a year for which no State Council holiday notice is loaded.</summary>
public sealed class CalendarNotCoveredException : Exception
{
    public CalendarNotCoveredException(int year)
        : base($"{year} 年的国务院节假日安排未载入 rules/calendars/cn，无法按工作日计算时限")
    {
        Year = year;
    }

    public CalendarNotCoveredException()
    {
    }

    public CalendarNotCoveredException(string message)
        : base(message)
    {
    }

    public CalendarNotCoveredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Year { get; }
}
