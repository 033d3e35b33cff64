namespace Monitoring.Rules.Calendars;

public sealed class CalendarAmendment
{
    public string Notice { get; set; } = "";

    public string Change { get; set; } = "";
}
