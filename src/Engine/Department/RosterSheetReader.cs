using Monitoring.Rules.Department;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Monitoring.Engine.Importing;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Department;

/// <summary>
/// Reads a department spreadsheet (.xlsx first worksheet, or UTF-8 .csv) with Chinese headers (<see cref="RosterColumns"/>):
/// the header row is the first of the top ten rows with a 身份证号 column. Problems are <c>row N: 表头: reason</c>.
/// Assistance-case rows are grouped by 案件编号 into one line per case, numbered by the case's first row.
/// </summary>
public static class RosterSheetReader
{
    private const int HeaderSearchRows = 10;

    public static IEnumerable<RosterEntry> Read(Stream input, TabularFormat format, RosterKind kind)
    {
        var entries = new List<RosterEntry>();
        var context = CellContext.Default;
        var rows = format == TabularFormat.Xlsx ? XlsxRowReader.Read(input, c => context = c) : CsvRowReader.Read(input);
        var columns = RosterColumns.For(kind);
        (int Index, RosterColumn Column)[]? mapped = null;
        var cases = new Dictionary<string, CaseRows>(StringComparer.Ordinal);
        var order = new List<(long Row, object Entry)>();
        long lastRow = 1;
        var searched = 0;
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            TabularRow row;
            try
            {
                if (!enumerator.MoveNext())
                {
                    break;
                }

                row = enumerator.Current;
            }
            catch (TabularFormatException ex)
            {
                order.Add((ex.Row, new RosterEntry(ex.Row, null, [new RecordProblem(ex.Row, "文件", ex.Message, "row")])));
                break;
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException or OpenXmlPackageException or FileFormatException)
            {
                order.Add((lastRow, new RosterEntry(lastRow, null, [new RecordProblem(lastRow, "文件", "xlsx 文件损坏，读取中断：" + ex.Message, "row")])));
                break;
            }

            lastRow = row.Number;
            if (row.IsBlank)
            {
                continue;
            }

            if (mapped is null)
            {
                searched++;
                var header = MapHeader(row, columns);
                if (header is null)
                {
                    if (searched >= HeaderSearchRows)
                    {
                        return [new RosterEntry(row.Number, null, [new RecordProblem(row.Number, RosterColumns.IdHeader, "前 10 行中没有找到表头（缺少“身份证号”列）", "row")])];
                    }

                    continue;
                }

                var missing = columns.Where(c => c.Required && !header.Any(h => ReferenceEquals(h.Column, c))).ToList();
                var duplicates = header.GroupBy(h => h.Column).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                if (missing.Count > 0 || duplicates.Count > 0)
                {
                    return [new RosterEntry(row.Number, null, [
                        .. missing.Select(c => new RecordProblem(row.Number, c.Header, "缺少必需的列", "row")),
                        .. duplicates.Select(c => new RecordProblem(row.Number, c.Header, "列重复", "row"))])];
                }

                mapped = header;
                continue;
            }

            var line = new RosterLine();
            var problems = new List<RecordProblem>();
            foreach (var (index, column) in mapped)
            {
                var parsed = column.Parse(row[index], context);
                if (parsed.Error is { } error)
                {
                    problems.Add(new RecordProblem(row.Number, column.Header, error, "row"));
                }
                else if (parsed.HasValue)
                {
                    column.Apply(line, parsed.Value!);
                }
            }

            if (kind == RosterKind.AssistanceCase && line.CaseNo is { } caseNo)
            {
                if (!cases.TryGetValue(caseNo, out var group))
                {
                    group = new CaseRows(row.Number, line);
                    cases[caseNo] = group;
                    order.Add((row.Number, group));
                }
                else
                {
                    group.Add(row.Number, line, problems);
                }

                group.Problems.AddRange(problems);
                group.MemberRows.Add(row.Number);
                continue;
            }

            order.Add((row.Number, Finish(row.Number, line, problems, kind, mapped, null)));
        }

        if (mapped is null)
        {
            return [new RosterEntry(lastRow, null, [new RecordProblem(lastRow, RosterColumns.IdHeader, "文件中没有表头（缺少“身份证号”列）", "row")])];
        }

        foreach (var (_, entry) in order)
        {
            entries.Add(entry is CaseRows group ? Finish(group.FirstRow, group.Line, group.Problems, kind, mapped, group.MemberRows) : (RosterEntry)entry);
        }

        return entries;
    }

    private static (int Index, RosterColumn Column)[]? MapHeader(TabularRow row, IReadOnlyList<RosterColumn> columns)
    {
        var mapped = new List<(int, RosterColumn)>();
        for (var i = 0; i < row.Count; i++)
        {
            if (columns.FirstOrDefault(c => c.Matches(row[i].Text)) is { } column)
            {
                mapped.Add((i, column));
            }
        }

        return mapped.Any(m => m.Item2.Header == RosterColumns.IdHeader) ? [.. mapped] : null;
    }

    private static RosterEntry Finish(long number, RosterLine line, List<RecordProblem> problems, RosterKind kind,
        (int Index, RosterColumn Column)[] mapped, List<long>? memberRows)
    {
        // Field rules too, also when some cells could not be read (a cell already reported is not reported twice).
        var unreadable = problems.Select(p => (p.Line, p.Field)).ToHashSet();
        {
            foreach (var (field, reason) in RosterLineValidator.Validate(line, kind))
            {
                var rowOf = number;
                var header = mapped.FirstOrDefault(m => m.Column.Field == field).Column?.Header ?? field;
                if (field.StartsWith("members[", StringComparison.Ordinal) && memberRows is not null
                    && int.TryParse(field.AsSpan(8, field.Length - 9), out var index) && index < memberRows.Count)
                {
                    rowOf = memberRows[index];
                    header = RosterColumns.IdHeader;
                }
                else if (field == "members")
                {
                    header = RosterColumns.IdHeader;
                }

                if (!unreadable.Contains((rowOf, header)) && !(memberRows is not null && unreadable.Any(u => u.Field == header && header != RosterColumns.IdHeader)))
                {
                    problems.Add(new RecordProblem(rowOf, header, reason, "row"));
                }
            }
        }

        return new RosterEntry(number, problems.Count == 0 ? line : null, problems);
    }

    /// <summary>The rows of one assistance case: members added in row order; dates must agree with the case's first row.</summary>
    private sealed class CaseRows(long firstRow, RosterLine line)
    {
        public long FirstRow { get; } = firstRow;

        public RosterLine Line { get; } = line;

        public List<RecordProblem> Problems { get; } = [];

        public List<long> MemberRows { get; } = [];

        public void Add(long row, RosterLine other, List<RecordProblem> problems)
        {
            if (other.Members is { } members)
            {
                (Line.Members ??= []).AddRange(members);
            }

            if (other.From != Line.From)
            {
                problems.Add(new RecordProblem(row, "起始日期", $"同一案件（第 {FirstRow} 行起）的起始日期应一致", "row"));
            }

            if (other.To != Line.To)
            {
                problems.Add(new RecordProblem(row, "终止日期", $"同一案件（第 {FirstRow} 行起）的终止日期应一致", "row"));
            }
        }
    }
}
