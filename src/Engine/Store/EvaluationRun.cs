namespace Monitoring.Engine.Store;

/// <summary>One nightly (or manual) evaluation run: what was evaluated, with which rules, and how it ended.</summary>
public sealed class EvaluationRun
{
    public long Id { get; set; }

    public DateOnly AsOf { get; set; }

    public required string Profile { get; set; }

    /// <summary>Version hash of the rule set (rule definitions and every parameter layer).</summary>
    public required string RulesVersion { get; set; }

    /// <summary>full | incremental.</summary>
    public required string Mode { get; set; }

    /// <summary>running | completed | failed.</summary>
    public required string Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public required string Host { get; set; }

    public int ProcessId { get; set; }

    public long HouseholdsEvaluated { get; set; }

    public long FindingsCount { get; set; }

    public long CandidatesCount { get; set; }

    public long NewFindings { get; set; }

    public long ResolvedFindings { get; set; }

    public string? Error { get; set; }
}
