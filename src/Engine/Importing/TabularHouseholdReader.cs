using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Monitoring.Engine.Evaluation;

namespace Monitoring.Engine.Importing;

/// <summary>
/// Reads county-office exports laid out one row per household member with Chinese column headers
/// (<see cref="ImportColumns"/>) and groups consecutive rows with the same 户编码 into household records.
/// Rows are streamed: only the household being assembled and the set of ids already seen are kept.
/// </summary>
public static class TabularHouseholdReader
{
    /// <summary>How many rows at the top may be titles above the header row (the header row is the first with 户编码).</summary>
    private const int HeaderSearchRows = 10;

    private static readonly string[] RequiredHeaders = [.. ImportColumns.All.Where(c => c.Required).Select(c => c.Header)];

    /// <summary>
    /// Reads .xlsx (first worksheet) or .csv (UTF-8, with or without BOM) and groups rows by 户编码 into household
    /// records in order of first appearance. Problems are reported per household as <c>row N: 表头: reason</c>; a file
    /// that lacks a required column yields one entry whose problems name each missing column.
    /// </summary>
    public static IEnumerable<TabularHousehold> Read(Stream input, TabularFormat format)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (format is not (TabularFormat.Xlsx or TabularFormat.Csv))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "应为 Xlsx 或 Csv");
        }

        return ReadRows(input, format);
    }

    private static IEnumerable<TabularHousehold> ReadRows(Stream input, TabularFormat format)
    {
        var context = CellContext.Default;
        var rows = format == TabularFormat.Xlsx
            ? XlsxRowReader.Read(input, c => context = c)
            : CsvRowReader.Read(input);

        using var source = new SafeRows(rows.GetEnumerator());
        var header = FindHeader(source);
        if (source.Failure is null || header is not null)
        {
            var (columns, problems) = MapHeader(header);
            if (problems.Count > 0)
            {
                yield return new TabularHousehold(header?.Number ?? 1, null, problems);
                yield break;
            }

            foreach (var household in Group(source, columns, () => context))
            {
                yield return household;
            }
        }

        if (source.Failure is { } failure)
        {
            yield return new TabularHousehold(failure.Row, null, [new(failure.Row, "文件", failure.Message, "row")]);
        }
    }

    private static TabularRow? FindHeader(SafeRows source)
    {
        var candidates = new List<TabularRow>();
        while (candidates.Count < HeaderSearchRows && source.Next() is { } row)
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (Enumerable.Range(0, row.Count).Any(i => ReferenceEquals(ImportColumns.Find(row[i].Text), ImportColumns.HouseholdId)))
            {
                return row;
            }

            candidates.Add(row);
        }

        // No 户编码 header near the top: the first non-empty row is taken as the header, which then lacks 户编码.
        return candidates.FirstOrDefault();
    }

    private static ((int Index, ImportColumn Column)[] Columns, List<Validation.RecordProblem> Problems) MapHeader(TabularRow? header)
    {
        var problems = new List<Validation.RecordProblem>();
        var columns = new List<(int Index, ImportColumn Column)>();
        var headerRow = header?.Number ?? 1;
        for (var i = 0; i < (header?.Count ?? 0); i++)
        {
            if (ImportColumns.Find(header![i].Text) is not { } column)
            {
                continue;
            }

            var earlier = columns.FindIndex(c => ReferenceEquals(c.Column, column));
            if (earlier >= 0)
            {
                problems.Add(new(headerRow, column.Header,
                    $"列重复：第 {ColumnName(columns[earlier].Index)} 列和第 {ColumnName(i)} 列都是“{column.Header}”", "row"));
                continue;
            }

            columns.Add((i, column));
        }

        foreach (var required in RequiredHeaders)
        {
            if (!columns.Exists(c => c.Column.Header == required))
            {
                problems.Add(new(headerRow, required, "缺少必需的列", "row"));
            }
        }

        return ([.. columns], problems);
    }

    private static IEnumerable<TabularHousehold> Group(SafeRows source, (int Index, ImportColumn Column)[] columns, Func<CellContext> context)
    {
        var idIndex = Array.Find(columns, c => ReferenceEquals(c.Column, ImportColumns.HouseholdId)).Index;
        var seen = new HouseholdIdSet();
        HouseholdAssembler? current = null;
        while (source.Next() is { } row)
        {
            if (row.IsBlank)
            {
                continue;
            }

            var id = ImportColumns.HouseholdId.Parse(row[idIndex], context());
            if (id.Value is not string householdId)
            {
                if (current is not null)
                {
                    yield return current.Finish();
                    current = null;
                }

                var orphan = new HouseholdAssembler("", row.Number, columns, context());
                orphan.AddProblem(row.Number, ImportColumns.HouseholdId.Header, id.Error ?? "户编码不能为空（每个成员行都应填写所在户的户编码）");
                orphan.AddRow(row);
                yield return orphan.Finish();
                continue;
            }

            if (current is not null && current.Id == householdId)
            {
                current.AddRow(row);
                continue;
            }

            if (current is not null)
            {
                yield return current.Finish();
            }

            current = new HouseholdAssembler(householdId, row.Number, columns, context());
            if (seen.Add(householdId, row.Number, out var firstRow) < 0)
            {
                current.AddProblem(row.Number, ImportColumns.HouseholdId.Header,
                    $"户编码 {householdId} 已在第 {firstRow} 行出现，同一户的成员行应连续");
            }

            current.AddRow(row);
        }

        if (current is not null)
        {
            if (source.Failure is { } failure)
            {
                current.AddProblem(failure.Row, "文件", failure.Message + "；本户可能不完整");
                source.Failure = null;
            }

            yield return current.Finish();
        }
    }

    /// <summary>Spreadsheet column letters for a 0-based index (0 → A, 27 → AB).</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>
    /// Rows from a reader whose failures (a broken package, invalid UTF-8, malformed XML) end the rows and are kept as
    /// <see cref="Failure"/> instead of escaping from the middle of the household sequence.
    /// </summary>
    private sealed class SafeRows(IEnumerator<TabularRow> rows) : IDisposable
    {
        private long _lastRow;
        private bool _ended;

        public (long Row, string Message)? Failure { get; set; }

        public TabularRow? Next()
        {
            if (_ended)
            {
                return null;
            }

            try
            {
                if (rows.MoveNext())
                {
                    _lastRow = rows.Current.Number;
                    return rows.Current;
                }
            }
            catch (TabularFormatException ex)
            {
                Failure = (ex.Row, ex.Message);
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException or OpenXmlPackageException or FileFormatException)
            {
                Failure = (Math.Max(_lastRow, 1), "xlsx 文件损坏，读取中断：" + ex.Message);
            }

            _ended = true;
            return null;
        }

        public void Dispose() => rows.Dispose();
    }
}
