namespace Monitoring.Engine.Store;

/// <summary>
/// Per household and profile: the version and rules last evaluated and the next date its outcome can change
/// (end of an event window, a deadline, a birthday crossing 6 or 16, a month or quarter boundary), so an
/// incremental run knows whom to re-evaluate. Mutable bookkeeping, not evidence.
/// </summary>
public sealed class HouseholdEvaluationState
{
    public required string HouseholdId { get; set; }

    public required string Profile { get; set; }

    public required string HouseholdHash { get; set; }

    public required string RulesVersion { get; set; }

    public long LastRunId { get; set; }

    public DateOnly? NextChangeOn { get; set; }
}
