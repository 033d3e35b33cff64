using System.Text;
using System.Text.Json;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Generation;
using Monitoring.Engine.History;
using Monitoring.Engine.Importing;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;
using Monitoring.Store.Exporting;
using Monitoring.Store.History;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Tests.Spreadsheets;
using Monitoring.Tests.Support;
using static Monitoring.Tests.Cases.CaseRecords;

namespace Monitoring.Tests.Store;

/// <summary>A yearly county export merged into a household stored with its history, and the night after it.</summary>
public sealed class ImportMergeTests : IClassFixture<PostgresFixture>
{
    private static readonly DateOnly AsOf = new(2023, 1, 15);
    private readonly PostgresFixture _db;

    public ImportMergeTests(PostgresFixture db) => _db = db.Migrated();

    /// <summary>A monitored household: included in March 2022, visited monthly, an expense, an event, incomes 13,000 → 11,500 → 9,500.</summary>
    private static HouseholdRecord WithHistory(string id)
    {
        var household = Included("2022-03-01", "2022-03-20");
        household.Id = id;
        household.Members = [household.Members![0]];
        // Each test's household its own person: the class's tests share a store, and a person in two households is DATA-DUPLICATE-PERSON at night.
        household.Members[0].IdNumber = Monitoring.Tests.Support.SeededResidentIds.For(6, int.Parse(id[^4..], System.Globalization.CultureInfo.InvariantCulture));
        household.Incomes =
        [
            new IncomeCycleRecord { Year = 2019, From = new DateOnly(2019, 1, 1), To = new DateOnly(2019, 12, 31), Wage = 13000, Size = 1 },
            new IncomeCycleRecord { Year = 2020, From = new DateOnly(2020, 1, 1), To = new DateOnly(2020, 12, 31), Wage = 11500, Size = 1 },
            new IncomeCycleRecord { Year = 2021, From = new DateOnly(2021, 1, 1), To = new DateOnly(2021, 12, 31), Wage = 9500, Size = 1 },
        ];
        household.Visits = [.. Enumerable.Range(4, 9).Select(month => new DateOnly(2022, month, 10))];
        household.Expenses = [new ExpenseRecord { Date = new DateOnly(2022, 5, 3), Kind = "medical", Amount = 6000, Reimbursed = 4200, MemberId = "m1" }];
        household.Events = [new EventRecord { Date = new DateOnly(2022, 2, 11), Kind = "serious_illness", Note = "住院治疗" }];
        return household;
    }

    /// <summary>The county's export of the household: one member row, the newest cycle only (8,000), no visits, expenses, events or case.</summary>
    private static MemoryStream CountyExport(string id) => SheetFiles.Xlsx(
    [
        ["户编码", "县级代码", "村级代码", "户类别", "收入年度", "收入周期起", "收入周期止", "工资性收入", "计算人口数", "成员编号", "姓名", "证件号码", "出生日期"],
        [id, "610728", "610728001001", "监测户", 2022, "2022-01-01", "2022-12-31", 8000, 1, "m1", "张三", "610728198001011233", "1980-01-01"],
    ]);

    private ImportResult Import(Stream input, bool xlsx, ImportSource source, List<RecordProblem>? problems = null)
    {
        var importer = new HouseholdImporter(_db.DataSource);
        Action<RecordProblem> onProblem = problems is null ? p => Assert.Fail(p.ToString()) : problems.Add;
        return xlsx
            ? importer.ImportTabular(input, TabularFormat.Xlsx, AsOf, source, onProblem)
            : importer.ImportJsonLines(input, AsOf, source, onProblem);
    }

    private static MemoryStream Lines(params HouseholdRecord[] households) =>
        new(Encoding.UTF8.GetBytes(string.Join('\n', households.Select(HouseholdJsonLines.Serialize))));

    [Fact]
    public void A_county_xlsx_with_only_the_newest_cycle_keeps_the_stored_history_and_the_night_fires_what_evaluate_fires_on_the_merged_record()
    {
        const string id = "610728-9001";
        var original = WithHistory(id);
        Assert.True(Import(Lines(original), xlsx: false, new ImportSource("county-2022.jsonl", "县局", "test")).Committed);

        var reported = new List<ImportedHousehold>();
        var result = Import(CountyExport(id), xlsx: true, new ImportSource("county.xlsx", "县局", "test") { OnHousehold = reported.Add });
        Assert.True(result.Committed);
        Assert.Equal((0L, 1L, 0L), (result.Inserted, result.Updated, result.Unchanged));
        var change = Assert.Single(reported);
        Assert.Contains("收入周期 2022：新增", HouseholdDiffText.Lines(change.Diff!));
        Assert.Empty(change.Diff!.Removals);

        var merged = new Monitoring.Store.Cases.CaseStore(_db.DataSource).Load(id)!.Record;
        Assert.Equal([2019, 2020, 2021, 2022], merged.Incomes!.Select(c => c.Year!.Value));
        Assert.Equal(original.Visits, merged.Visits);
        Assert.Equal(JsonSerializer.Serialize(original.Expenses), JsonSerializer.Serialize(merged.Expenses));
        Assert.Equal(JsonSerializer.Serialize(original.Events), JsonSerializer.Serialize(merged.Events));
        Assert.Equal(JsonSerializer.Serialize(original.Case), JsonSerializer.Serialize(merged.Case));
        Assert.Equal(original.Helper!.Name, merged.Helper!.Name);

        var run = new NightlyRunner(_db.DataSource, SharedCatalog.Instance.ForProfile(Zhenba)).Run(AsOf);
        var stored = new FindingsExporter(_db.DataSource).Findings(run.RunId, null).Where(f => f.Contains($"\"{id}\"", StringComparison.Ordinal)).ToList();
        var (evaluated, problems, _) = Evaluate.Lines([HouseholdJsonLines.Serialize(merged)], AsOf, Zhenba);
        Assert.Empty(problems);
        Assert.Equal(evaluated.Select(f => f.GetRawText()), stored);
        var rules = evaluated.Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains("INC-DECLINE-2Y", rules);
        Assert.DoesNotContain("PROC-VISIT-OVERDUE", rules);

        // The timeline: the first import, then the merge with what it added.
        var timeline = new HouseholdHistory(_db.DataSource).Timeline(id);
        Assert.Equal(2, timeline.Count);
        Assert.Null(timeline[0].Change.PreviousHash);
        Assert.Equal(("county.xlsx", 2L, "merge", AsOf), (timeline[1].Change.FileName, timeline[1].Change.Line, timeline[1].Change.Mode, timeline[1].Change.DescribedOn));
        Assert.Contains("收入周期 2022：新增", HouseholdDiffText.Lines(timeline[1].Diff));
        var printed = new StringWriter();
        Monitoring.Worker.Cli.HistoryPrinter.Print(printed, id, timeline);
        Assert.Contains("导入 · 县局（test） · 文件 county.xlsx 第 2 行 · 合并", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains("所述日期 2023-01-15", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains("    收入周期 2022：新增", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains("首次建立本户记录", printed.ToString(), StringComparison.Ordinal);

        // The same export again: nothing to do, nothing written.
        var again = Import(CountyExport(id), xlsx: true, new ImportSource("county.xlsx", "县局", "test"));
        Assert.Equal((0L, 0L, 1L), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(2, new HouseholdHistory(_db.DataSource).Timeline(id).Count);
    }

    [Fact]
    public void An_import_that_would_remove_stored_data_is_refused_unless_allowed_and_then_logged()
    {
        const string id = "610728-9002";
        var original = WithHistory(id);
        Assert.True(Import(Lines(original), xlsx: false, ImportSource.Unnamed).Committed);
        var before = Sql.Value(_db.ConnectionString, $"SELECT current_hash FROM households WHERE id = '{id}'");

        // A JSON Lines record without the 2019 cycle and without the visits replaces the stored one: refused.
        var shorter = WithHistory(id);
        shorter.Incomes!.RemoveAt(0);
        shorter.Visits = null;
        var problems = new List<RecordProblem>();
        var refused = Import(Lines(shorter), xlsx: false, ImportSource.Unnamed, problems);
        Assert.False(refused.Committed);
        Assert.Equal(1, refused.RemovalsRefused);
        Assert.Contains(problems, p => p.Line == 1 && p.Field == "收入周期" && p.Reason.Contains("2019", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "走访" && p.Reason.Contains("--allow-removals", StringComparison.Ordinal));
        Assert.Equal(before, Sql.Value(_db.ConnectionString, $"SELECT current_hash FROM households WHERE id = '{id}'"));

        // Merged instead, nothing is removed; allowed, the removals are made and logged.
        var merged = Import(Lines(shorter), xlsx: false, ImportSource.Unnamed with { Mode = ImportMode.Merge });
        Assert.Equal((1L, 0L), (merged.Updated + merged.Unchanged, merged.RemovalsRefused));
        var allowed = Import(Lines(shorter), xlsx: false, ImportSource.Unnamed with { AllowRemovals = true });
        Assert.Equal((1L, 1L), (allowed.Updated, allowed.WithRemovals));
        Assert.Equal(1, Sql.Count(_db.ConnectionString, $"""
            SELECT count(*) FROM household_changes WHERE household_id = '{id}' AND mode = 'replace'
              AND (details->>'removalsAllowed')::boolean AND jsonb_array_length(details->'removed') = 10
            """));
    }
}
