using Monitoring.Engine.Evaluation;
using Monitoring.Store.Importing;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Nightly;

/// <summary>
/// A completed run: its id, its totals over every household in its view (<see cref="Summary"/>), and how its findings
/// compare with the previous run of the profile.
/// </summary>
public sealed record RunResult(long RunId, long? PreviousRunId, EvaluationSummary Summary, long NewFindings, long ResolvedFindings)
{
    public required RunPlan Plan { get; init; }

    public long HouseholdsInStore { get; init; }

    /// <summary>Households actually evaluated (all of them in a full run; the due ones in an incremental run).</summary>
    public long HouseholdsEvaluated { get; init; }

    /// <summary>Households whose outcome differed from the one in force and was recorded.</summary>
    public long OutcomesRecorded { get; init; }

    public long FindingsRecorded { get; init; }

    /// <summary>Households whose stored record could not be evaluated on the as-of (every problem, by household).</summary>
    public IReadOnlyList<SetAsideHousehold> SetAside { get; init; } = [];

    public long HouseholdsSetAside { get; init; }

    /// <summary>The content address of the rule set's files the run used (null when the rules were not loaded from a directory).</summary>
    public string? RuleSetHash { get; init; }
}
