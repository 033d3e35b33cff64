namespace Monitoring.Engine.History;

/// <summary>How an item of a list section differs between two versions of a household.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}
