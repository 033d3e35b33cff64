namespace Monitoring.Engine.History;

/// <summary>What changed between two versions of a household: its fields, and the items of its list sections.</summary>
public sealed record HouseholdDiff(IReadOnlyList<FieldChange> Fields, IReadOnlyList<ItemChange> Items)
{
    public bool IsEmpty => Fields.Count == 0 && Items.Count == 0;

    /// <summary>Stored data the later version no longer has: a cycle, a member, a visit, an event, an expense, a case step.</summary>
    public IEnumerable<ItemChange> Removals => Items.Where(i => i.Kind == ChangeKind.Removed);
}
