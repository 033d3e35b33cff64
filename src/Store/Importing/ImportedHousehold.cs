using Monitoring.Engine.History;

namespace Monitoring.Store.Importing;

/// <summary>
/// What an import does to one household: adds it (<see cref="Diff"/> against nothing) or changes it (the diff against the
/// stored version it was merged with). Removals are refused unless the import allows them.
/// </summary>
public sealed record ImportedHousehold(string HouseholdId, long Line, bool New, HouseholdDiff? Diff)
{
    public bool HasRemovals => Diff?.Removals.Any() ?? false;
}
