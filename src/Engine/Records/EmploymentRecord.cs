namespace Monitoring.Engine.Records;

public sealed class EmploymentRecord
{
    public string? Status { get; set; }

    public int? MonthsThisYear { get; set; }

    public string? Place { get; set; }
}
