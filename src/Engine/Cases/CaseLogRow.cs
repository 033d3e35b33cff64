namespace Monitoring.Engine.Cases;

/// <summary>One row of the append-only case log as read back for <c>case show</c>.</summary>
public sealed record CaseLogRow(long Id, string Command, string Payload, string Actor, string Client, DateTimeOffset RecordedAt, string? PreviousHash, string ResultingHash);
