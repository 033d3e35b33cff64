namespace Monitoring.Rules.Calendars;

public sealed class CalendarYearDocument
{
    public int Year { get; set; }

    public string Notice { get; set; } = "";

    public DateOnly? Published { get; set; }

    public List<HolidayRange> Holidays { get; set; } = [];

    public List<AdjustedWorkingDay> AdjustedWorkingDays { get; set; } = [];

    public List<CalendarAmendment> Amendments { get; set; } = [];
}
