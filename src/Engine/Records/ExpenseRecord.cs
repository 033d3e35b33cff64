namespace Monitoring.Engine.Records;

public sealed class ExpenseRecord
{
    public DateOnly? Date { get; set; }

    public string? Kind { get; set; }

    public decimal? Amount { get; set; }

    public decimal? Reimbursed { get; set; }

    public string? MemberId { get; set; }

    /// <summary>v1.1: inpatient 住院 | outpatient 门诊 (medical expenses).</summary>
    public string? Setting { get; set; }
}
