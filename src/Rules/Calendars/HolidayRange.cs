namespace Monitoring.Rules.Calendars;

public sealed class HolidayRange
{
    public string Name { get; set; } = "";

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }
}
