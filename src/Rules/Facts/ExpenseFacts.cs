namespace Monitoring.Rules.Facts;

/// <summary>A rigid expenditure (刚性支出) and what remains after reimbursement.</summary>
public sealed class ExpenseFacts
{
    public DateOnly Date { get; init; }

    public string Kind { get; init; } = "";

    public decimal Amount { get; init; }

    public decimal Reimbursed { get; init; }

    public string? MemberId { get; init; }

    /// <summary>Format 1.1: inpatient | outpatient; null in a v1 record.</summary>
    public string? Setting { get; init; }

    /// <summary>An inpatient medical expense; a medical expense without a setting (format v1) counts as one.</summary>
    public bool IsInpatientMedical => Kind == "medical" && Setting is null or "inpatient";

    /// <summary>Amount − reimbursed, never below zero (自付部分).</summary>
    public decimal Net => Amount > Reimbursed ? Amount - Reimbursed : 0m;
}
