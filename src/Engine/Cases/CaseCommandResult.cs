using Monitoring.Engine.Records;

namespace Monitoring.Engine.Cases;

/// <summary>What a recorded case command produced: the log row, the new household version and whether that version was new.</summary>
public sealed record CaseCommandResult(long LogId, string? PreviousHash, string ResultingHash, bool NewVersion, HouseholdRecord Record)
{
    /// <summary>What staff should know although the command was recorded (e.g. risk findings still in force at a release announcement).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
