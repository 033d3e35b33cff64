using System.Text;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Department;
using Monitoring.Store.Department;
using Monitoring.Tests.Spreadsheets;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;
using Npgsql;

namespace Monitoring.Tests.Department;

/// <summary>Department deliveries against a real PostgreSQL: all or nothing, recorded, immutable, read back for a run.</summary>
public sealed class DepartmentDeliveryTests : IClassFixture<PostgresFixture>
{
    private const string Head = "610728198001010118";
    private const string Spouse = "610728198202020224";
    private const string WithX = "61072819700101101X";

    private readonly PostgresFixture _db;
    private readonly FixedClock _clock = new(new DateTimeOffset(2022, 6, 16, 2, 0, 0, TimeSpan.Zero));
    private readonly DepartmentDeliveryStore _store;

    public DepartmentDeliveryTests(PostgresFixture db)
    {
        _db = db.Migrated();
        _store = new DepartmentDeliveryStore(_db.DataSource, _clock);
    }

    private static MemoryStream Lines(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    private long Deliveries(string county) => Sql.Count(_db.ConnectionString, $"SELECT count(*) FROM department_deliveries WHERE county_code = '{county}'");

    private long LinesOf(string county) => Sql.Count(_db.ConnectionString,
        $"SELECT count(*) FROM department_roster_lines l JOIN department_deliveries d ON d.id = l.delivery_id WHERE d.county_code = '{county}'");

    [Fact]
    public void A_delivery_is_recorded_with_its_lines()
    {
        var problems = new List<RecordProblem>();
        var result = _store.Import("mca-dibao", "610701", new DateOnly(2022, 6, 15),
            Lines($$"""{"caseNo": "MZ-0153", "members": ["{{Head}}", " {{WithX.ToLowerInvariant()}} "], "from": "2021-03-01", "to": null}"""),
            "dibao.jsonl", "民政局", problems.Add);

        Assert.Empty(problems);
        Assert.True(result.Committed);
        var delivery = Assert.Single(_store.List("610701"));
        Assert.Equal(("mca-dibao", new DateOnly(2022, 6, 15), "dibao.jsonl", 1, "民政局", _clock.GetUtcNow()),
            (delivery.ListId, delivery.SnapshotDate, delivery.FileName, delivery.Rows, delivery.DeliveredBy, delivery.DeliveredAt));
        // Resident IDs are stored trimmed and upper-cased: the matching key.
        Assert.Equal(WithX, Sql.Value(_db.ConnectionString, $"SELECT line->'members'->>1 FROM department_roster_lines WHERE delivery_id = {result.DeliveryId}"));
    }

    [Fact]
    public void A_delivery_with_a_bad_line_writes_nothing_and_names_line_and_field()
    {
        var problems = new List<RecordProblem>();
        var result = _store.Import("nhsa-enrollment", "610702", new DateOnly(2022, 6, 15), Lines(
            $$"""{"idNumber": "{{Head}}", "year": 2022, "enrolled": true}""",
            $$"""{"idNumber": "610728198001010119", "year": 2022, "enrolled": true}""",
            $$"""{"idNumber": "{{Spouse}}", "year": 2022}"""), "nhsa.jsonl", "医保局", problems.Add);

        Assert.False(result.Committed);
        Assert.Equal(2, result.Rejected);
        Assert.Contains(problems, p => p.ToString().StartsWith("line 2: idNumber: 身份证号校验位错误", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ToString() == "line 3: enrolled: 是否参保不能为空");
        Assert.DoesNotContain(problems, p => p.ToString().Contains("610728198001010119", StringComparison.Ordinal));
        Assert.Equal(0, Deliveries("610702"));
        Assert.Equal(0, LinesOf("610702"));
    }

    [Fact]
    public void A_spreadsheet_with_Chinese_headers_is_read_and_cases_are_grouped()
    {
        using var sheet = SheetFiles.Xlsx([
            ["某县低保名单"],
            ["案件编号", "公民身份号码", "享受起始日期", "终止日期"],
            ["MZ-0001", Head, "2021-03-01", null],
            ["MZ-0001", Spouse, "2021-03-01", null],
            ["MZ-0002", WithX, "2021年3月1日", null],
        ]);
        var problems = new List<RecordProblem>();
        var result = _store.Import("mca-dibao", "610703", new DateOnly(2022, 6, 15), sheet, "低保.xlsx", "民政局", problems.Add);

        Assert.Empty(problems);
        Assert.Equal(2, Assert.Single(_store.List("610703")).Rows);
        Assert.Equal(3, Sql.Value(_db.ConnectionString, $"SELECT line_no FROM department_roster_lines WHERE delivery_id = {result.DeliveryId} ORDER BY line_no LIMIT 1"));
    }

    [Fact]
    public void A_spreadsheet_with_a_bad_row_writes_nothing_and_names_row_and_column()
    {
        using var sheet = SheetFiles.Csv([
            ["身份证号", "学期", "在校状态"],
            [Head, "2022年春季", "在校"],
            [Spouse, "2022年夏季", "在校"],
            [WithX, "2022-spring", "休学"],
        ]);
        var problems = new List<RecordProblem>();
        var result = _store.Import("moe-students", "610704", new DateOnly(2022, 6, 15), sheet, "在校生.csv", "教育局", problems.Add);

        Assert.False(result.Committed);
        Assert.Contains(problems, p => p.ToString().StartsWith("row 3: 学期: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ToString().StartsWith("row 4: 在校状态: ", StringComparison.Ordinal));
        Assert.Equal(0, Deliveries("610704"));
    }

    [Fact]
    public void A_spreadsheet_without_the_required_columns_is_refused()
    {
        using var sheet = SheetFiles.Csv([["身份证号", "备注"], [Head, "x"]]);
        var problems = new List<RecordProblem>();
        var result = _store.Import("nhsa-enrollment", "610705", new DateOnly(2022, 6, 15), sheet, "参保.csv", "医保局", problems.Add);

        Assert.False(result.Committed);
        Assert.Contains(problems, p => p.ToString() == "row 1: 年度: 缺少必需的列");
        Assert.Contains(problems, p => p.ToString() == "row 1: 是否参保: 缺少必需的列");
    }

    [Fact]
    public void Unknown_lists_and_malformed_county_codes_are_refused()
    {
        Assert.Throws<DeliveryRefusedException>(() => _store.Import("mca-unknown", "610706", new DateOnly(2022, 6, 15), Lines("{}"), "x.jsonl", "x", _ => { }));
        Assert.Throws<DeliveryRefusedException>(() => _store.Import("mca-dibao", "61070", new DateOnly(2022, 6, 15), Lines("{}"), "x.jsonl", "x", _ => { }));
    }

    [Theory]
    [InlineData("610711", "UPDATE department_deliveries SET row_count = 0")]
    [InlineData("610712", "DELETE FROM department_roster_lines")]
    [InlineData("610713", "UPDATE department_roster_lines SET line = '{}'::jsonb")]
    [InlineData("610714", "TRUNCATE department_deliveries CASCADE")]
    public void Deliveries_are_append_only(string county, string sql)
    {
        _store.Import("warn-yingji", county, new DateOnly(2022, 6, 15), Lines($$"""{"idNumber": "{{Head}}", "date": "2022-06-10", "kind": "disaster"}"""), "w.jsonl", "应急局", _ => { });
        using var connection = new NpgsqlConnection(_db.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        var error = Assert.Throws<PostgresException>(() => command.ExecuteNonQuery());
        Assert.Equal("42501", error.SqlState);
        Assert.Equal(1, Deliveries(county));
        Assert.Equal(1, LinesOf(county));
    }

    [Fact]
    public void A_run_reads_the_newest_roster_snapshot_and_every_warning_snapshot_up_to_its_date()
    {
        void Deliver(string list, DateOnly snapshot, string line) =>
            Assert.True(_store.Import(list, "610708", snapshot, Lines(line), list + ".jsonl", "x", _ => { }).Committed);

        Deliver("mca-tekun", new DateOnly(2022, 5, 1), $$"""{"caseNo": "A", "members": ["{{Head}}"], "from": "2021-01-01"}""");
        Deliver("mca-tekun", new DateOnly(2022, 6, 1), $$"""{"caseNo": "B", "members": ["{{Spouse}}"], "from": "2021-01-01"}""");
        Deliver("mca-tekun", new DateOnly(2022, 7, 1), $$"""{"caseNo": "C", "members": ["{{WithX}}"], "from": "2021-01-01"}""");
        Deliver("warn-yiliao", new DateOnly(2022, 3, 1), $$"""{"idNumber": "{{Head}}", "date": "2022-02-20", "kind": "serious_illness"}""");
        Deliver("warn-yiliao", new DateOnly(2022, 6, 1), $$"""{"idNumber": "{{Spouse}}", "date": "2022-05-20", "kind": "serious_illness"}""");

        using var connection = _db.DataSource.OpenConnection();
        var read = DepartmentDeliveryStore.LoadForRun(connection, new DateOnly(2022, 6, 30), ["610708"]);

        Assert.Equal(["B"], read.Where(s => s.ListId == "mca-tekun").SelectMany(s => s.Lines).Select(l => l.Line.CaseNo));
        Assert.Equal(2, read.Count(s => s.ListId == "warn-yiliao"));
        Assert.All(read, s => Assert.True(s.SnapshotDate <= new DateOnly(2022, 6, 30)));
    }
}
