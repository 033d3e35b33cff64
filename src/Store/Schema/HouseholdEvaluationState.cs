using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>
/// Per household and profile: the version, rules and engine last evaluated, the outcome in force and the next
/// date that outcome can change (end of an event window, a deadline, a birthday, a month boundary…), so an
/// incremental run knows whom to re-evaluate. Mutable bookkeeping, not evidence: the evidence is in
/// <see cref="StoredOutcome"/> and <see cref="StoredFinding"/>.
/// </summary>
public sealed class HouseholdEvaluationState
{
    public required string HouseholdId { get; set; }

    public required string Profile { get; set; }

    /// <summary>The household version last evaluated.</summary>
    public required string HouseholdHash { get; set; }

    /// <summary>The run that last changed this row (a row whose outcome and next-change date stay the same is not rewritten).</summary>
    public long LastRunId { get; set; }

    /// <summary>Re-evaluate on or after this date even if nothing changed.</summary>
    public DateOnly NextChangeOn { get; set; }

    public required string OutcomeHash { get; set; }

    /// <summary>The run whose <see cref="StoredOutcome"/> is in force for this household.</summary>
    public long OutcomeRunId { get; set; }

    public string? CandidateType { get; set; }

    /// <summary>The rules that fired in the outcome in force, comma-separated, for the run totals.</summary>
    public required string RuleIds { get; set; }

    /// <summary>The first run of the current unbroken series of runs in which the household had a risk finding (PROC-CANDIDATE-NO-CASE, stored mode).</summary>
    public long? RiskSinceRunId { get; set; }
}
