namespace Monitoring.Engine.Department;

/// <summary>What an evaluation compares households with beyond their own record: the roster index and the shared-person index.</summary>
public sealed record DepartmentContext(RosterIndex Rosters, PersonIndex People)
{
    public static DepartmentContext Empty { get; } = new(RosterIndex.Empty, PersonIndex.Empty);
}
