using Monitoring.Engine.Records;

namespace Monitoring.Engine.Cases;

/// <summary>What a recorded case command produced: the log row, the new household version and whether that version was new.</summary>
public sealed record CaseCommandResult(long LogId, string? PreviousHash, string ResultingHash, bool NewVersion, HouseholdRecord Record);
