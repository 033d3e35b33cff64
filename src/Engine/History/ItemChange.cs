namespace Monitoring.Engine.History;

/// <summary>
/// An item of a list section (<see cref="HouseholdDiffer.Sections"/>) added, removed or changed between two versions:
/// an income cycle (key: its year), a member (key: member id), a visit (its date), an event, an expense, a case step.
/// </summary>
public sealed record ItemChange(string Section, ChangeKind Kind, string Key, IReadOnlyList<FieldChange> Fields);
