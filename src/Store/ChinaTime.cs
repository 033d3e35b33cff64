namespace Monitoring.Store;

/// <summary>
/// Dates as staff in China read them: the day a self-declaration is raised on, a page's "today" — taken from the one
/// clock (<see cref="TimeProvider"/>) in Asia/Shanghai (UTC+8 where the system has no time zone data).
/// </summary>
public static class ChinaTime
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>Today's date in China on <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
    }

    /// <summary>A recorded instant as Beijing time, for display.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
        }
    }
}
