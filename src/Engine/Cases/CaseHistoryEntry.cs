namespace Monitoring.Engine.Cases;

/// <summary>One case-log row with its command read back: the entry id, what was recorded, and what it amends.</summary>
public sealed record CaseHistoryEntry(CaseLogRow Row, CaseCommand Command)
{
    public long Id => Row.Id;

    public static CaseHistoryEntry From(CaseLogRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new CaseHistoryEntry(row, CaseCommand.FromPayload(row.Command, row.Payload));
    }
}
