using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>One nightly (or manual) evaluation run: what was evaluated, with which rules, and how it ended.</summary>
public sealed class EvaluationRun
{
    public long Id { get; set; }

    public DateOnly AsOf { get; set; }

    public required string Profile { get; set; }

    /// <summary>Version hash of the rule set (rule definitions and every parameter layer).</summary>
    public required string RulesVersion { get; set; }

    /// <summary>Version of the engine build (its assemblies), so a new build forces a full run.</summary>
    public string? EngineVersion { get; set; }

    /// <summary>full | incremental.</summary>
    public required string Mode { get; set; }

    /// <summary>running | completed | failed.</summary>
    public required string Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public required string Host { get; set; }

    public int ProcessId { get; set; }

    public long HouseholdsEvaluated { get; set; }

    /// <summary>Households whose outcome this run recorded because it differed from the one in force.</summary>
    public long OutcomesRecorded { get; set; }

    /// <summary>Findings in the run's view of every household (carried-forward outcomes included).</summary>
    public long FindingsCount { get; set; }

    public long CandidatesCount { get; set; }

    public long NewFindings { get; set; }

    public long ResolvedFindings { get; set; }

    public string? Error { get; set; }
}
