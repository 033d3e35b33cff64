using System.Globalization;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Importing;

/// <summary>
/// Builds one household from its consecutive member rows. Household columns are taken from the first row that has a
/// value; a later row with a different value is a problem (an empty cell on a later row is "same as above").
/// Member columns make one member per row. Any problem leaves the record null.
/// </summary>
internal sealed class HouseholdAssembler
{
    private readonly (int Index, ImportColumn Column)[] _columns;
    private readonly CellContext _context;
    private readonly HouseholdRecord _record = new();
    private readonly List<RecordProblem> _problems = [];
    private readonly List<long> _memberRows = [];
    private readonly Dictionary<ImportColumn, (object Value, long Row)> _householdValues = [];

    public HouseholdAssembler(string id, long firstRow, (int Index, ImportColumn Column)[] columns, CellContext context)
    {
        Id = id;
        FirstRow = firstRow;
        _columns = columns;
        _context = context;
        _record.Id = id;
        _record.Members = [];
    }

    public string Id { get; }

    public long FirstRow { get; }

    public void AddProblem(long row, string field, string reason) => _problems.Add(new RecordProblem(row, field, reason, "row"));

    public void AddRow(TabularRow row)
    {
        var member = new MemberRecord();
        foreach (var (index, column) in _columns)
        {
            if (ReferenceEquals(column, ImportColumns.HouseholdId))
            {
                continue;
            }

            var cell = row[index];
            var parsed = column.Parse(cell, _context);
            if (parsed.Error is { } error)
            {
                AddProblem(row.Number, column.Header, error);
                continue;
            }

            if (column.Scope == ColumnScope.Member)
            {
                if (parsed.HasValue)
                {
                    column.Apply(member, parsed.Value!);
                }
                else if (column.Required)
                {
                    AddProblem(row.Number, column.Header, "必需的列，不能为空");
                }

                continue;
            }

            if (!parsed.HasValue)
            {
                continue;
            }

            if (_householdValues.TryGetValue(column, out var first))
            {
                if (!Equals(first.Value, parsed.Value))
                {
                    AddProblem(row.Number, column.Header,
                        $"与本户第 {first.Row} 行的值不一致（第 {first.Row} 行为“{Show(first.Value)}”，本行为“{Show(parsed.Value!)}”）；户级信息在同一户的各成员行应相同");
                }
            }
            else
            {
                _householdValues[column] = (parsed.Value!, row.Number);
                column.Apply(_record, parsed.Value!);
            }
        }

        _record.Members!.Add(member);
        _memberRows.Add(row.Number);
    }

    public TabularHousehold Finish()
    {
        foreach (var (_, column) in _columns)
        {
            if (column.Scope == ColumnScope.Household && column.Required && !ReferenceEquals(column, ImportColumns.HouseholdId)
                && !_householdValues.ContainsKey(column) && !_problems.Exists(p => p.Field == column.Header))
            {
                AddProblem(FirstRow, column.Header, "必需的列，不能为空");
            }
        }

        var problems = _problems.OrderBy(p => p.Line).ToList();
        return new TabularHousehold(FirstRow, problems.Count == 0 ? _record : null, problems) { MemberRows = _memberRows, Columns = [.. _columns.Select(c => c.Column)] };
    }

    private static string Show(object value) => value switch
    {
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
