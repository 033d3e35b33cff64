namespace Monitoring.Rules.Calendars;

public sealed class AdjustedWorkingDay
{
    public DateOnly Date { get; set; }

    public string For { get; set; } = "";
}
