using System.Text.Json.Nodes;

namespace Monitoring.Engine.Importing;

/// <summary>
/// What an imported file says about a household, for merging it into the stored record: a spreadsheet carries the
/// fields it has columns for (<see cref="ForColumns"/>); a JSON Lines record carries each field it gives a value
/// (<see cref="JsonLines"/>).
/// </summary>
public sealed class ImportedFields
{
    private ImportedFields(IReadOnlyList<string>? household, IReadOnlyList<string>? cycle, IReadOnlyList<string>? member)
    {
        HouseholdPaths = household;
        CycleFields = cycle;
        MemberFields = member;
    }

    /// <summary>JSON Lines: every top-level field with a value; a matched income cycle or member is taken whole.</summary>
    public static ImportedFields JsonLines { get; } = new(null, null, null);

    /// <summary>Household field paths the file fills (null: every field the record gives a value).</summary>
    public IReadOnlyList<string>? HouseholdPaths { get; }

    /// <summary>Income-cycle fields the file fills (null: the whole cycle).</summary>
    public IReadOnlyList<string>? CycleFields { get; }

    /// <summary>Member fields the file fills (null: the whole member).</summary>
    public IReadOnlyList<string>? MemberFields { get; }

    /// <summary>A spreadsheet with these columns: each column's field is the newest state (an empty cell clears it).</summary>
    public static ImportedFields ForColumns(IEnumerable<ImportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var list = columns.Where(c => !ReferenceEquals(c, ImportColumns.HouseholdId)).ToList();
        const string cycle = "incomes[0].";
        const string member = "members[].";
        return new(
            [.. list.Where(c => c.Scope == ColumnScope.Household && !c.FieldPath.StartsWith(cycle, StringComparison.Ordinal)).Select(c => c.FieldPath)],
            [.. list.Where(c => c.FieldPath.StartsWith(cycle, StringComparison.Ordinal)).Select(c => c.FieldPath[cycle.Length..])],
            [.. list.Where(c => c.Scope == ColumnScope.Member).Select(c => c.FieldPath[member.Length..])]);
    }

    /// <summary>The household paths to copy from <paramref name="imported"/> (JSON Lines: its top-level fields with a value, lists aside).</summary>
    internal IEnumerable<string> HouseholdPathsOf(JsonObject imported) =>
        HouseholdPaths ?? imported.Where(p => p.Value is not null && !HouseholdMerger.ListSections.Contains(p.Key)).Select(p => p.Key).ToList();
}
