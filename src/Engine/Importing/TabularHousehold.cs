using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Importing;

/// <summary>
/// One household read from the member-per-row layout: the row of its first member, the record (null when any
/// problem was found) and the problems, each <c>row N: 表头: reason</c>.
/// </summary>
public sealed record TabularHousehold(long FirstRow, HouseholdRecord? Record, IReadOnlyList<RecordProblem> Problems)
{
    /// <summary>The sheet row of each member, in the order of <c>Record.Members</c>.</summary>
    public IReadOnlyList<long> MemberRows { get; init; } = [];

    /// <summary>The columns the file has (the fields a row carries the newest state of), in the file's order.</summary>
    public IReadOnlyList<ImportColumn> Columns { get; init; } = [];

    /// <summary>
    /// Restates a problem found later on the record (a validator's JSON field path such as <c>members[1].birthDate</c>)
    /// as a row problem: the member's row and the Chinese header of the column that filled the field; household
    /// fields point at the first row. A path no column fills keeps its JSON name.
    /// </summary>
    public RecordProblem Locate(string fieldPath, string reason)
    {
        var row = FirstRow;
        if (fieldPath.StartsWith("members[", StringComparison.Ordinal))
        {
            var close = fieldPath.IndexOf(']', StringComparison.Ordinal);
            if (close > 8 && int.TryParse(fieldPath.AsSpan(8, close - 8), System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index >= 0 && index < MemberRows.Count)
            {
                row = MemberRows[index];
            }
        }

        var header = ImportColumns.ForField(fieldPath)?.Header ?? fieldPath;
        return new RecordProblem(row, header, reason, "row");
    }
}
