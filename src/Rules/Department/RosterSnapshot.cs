namespace Monitoring.Rules.Department;

/// <summary>One delivery of one list for one county: its stored id, snapshot date and lines with their line (or first row) numbers.</summary>
public sealed record RosterSnapshot(long Id, string ListId, string CountyCode, DateOnly SnapshotDate, IReadOnlyList<NumberedRosterLine> Lines)
{
    public bool IsWarning => DepartmentLists.IsWarning(ListId);
}
