using Monitoring.Engine.Findings;

namespace Monitoring.Engine.Evaluation;

/// <summary>One household as a store run needs it after evaluation: its outcome, the findings' JSON and when to look again.</summary>
public sealed class EvaluatedHousehold
{
    public required HouseholdOutcome Outcome { get; init; }

    /// <summary>Each finding of <see cref="Outcome"/> as <c>evaluate</c> writes it, in the same order.</summary>
    public required List<byte[]> FindingJson { get; init; }

    public required string CountyCode { get; init; }

    public string? VillageCode { get; init; }

    public required string Category { get; init; }

    /// <summary>The record has a monitoring case that was not closed by a decision not to include (open, included or released).</summary>
    public bool HasCase { get; init; }

    /// <summary>The next date the outcome can change (<see cref="OutcomeHorizon"/>), when the pipeline has a horizon.</summary>
    public DateOnly? NextChangeOn { get; init; }
}
