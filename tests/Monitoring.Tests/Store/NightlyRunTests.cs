using System.Text;
using Monitoring.Engine.Generation;
using Monitoring.Engine.Validation;
using Monitoring.Tests.Support;
using Npgsql;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Store;

/// <summary>import → run-nightly → export on a real PostgreSQL gives what <c>evaluate</c> gives, and keeps the store consistent.</summary>
public sealed class NightlyRunTests : IClassFixture<PostgresFixture>
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);
    private readonly PostgresFixture _db;

    public NightlyRunTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    [Fact]
    public void A_rejected_import_leaves_the_store_untouched()
    {
        var good = SampleHousehold.Create("610728-9001");
        Assert.True(Import([SampleHousehold.Line(good)]).Committed);
        var before = Counts();

        var changed = SampleHousehold.Create("610728-9001");
        changed["category"] = "ordinary";
        var bad = SampleHousehold.Create("610728-9002");
        bad["incomes"]![0]!["size"] = 0;
        var problems = new List<RecordProblem>();
        var result = new HouseholdImporter(_db.DataSource).ImportJsonLines(Stream([SampleHousehold.Line(changed), SampleHousehold.Line(bad)]), AsOf, problems.Add);

        Assert.False(result.Committed);
        var problem = Assert.Single(problems);
        Assert.Equal("line 2: incomes[0].size: 人口数 size 应 ≥ 1", problem.ToString());
        Assert.Equal(before, Counts());
    }

    [Fact]
    public void A_csv_export_with_a_bad_cell_is_refused_whole_naming_the_row_and_column()
    {
        var before = Counts();
        string?[] header = ["户编码", "县级代码", "村级代码", "户类别", "成员编号", "姓名", "与户主关系", "出生日期"];
        var csv = Monitoring.Tests.Spreadsheets.SheetFiles.Csv([
            header,
            ["610728-9301", "610728", "610728001001", "脱贫户", "m1", "王一", "户主", "1970-05-01"],
            ["610728-9302", "610728", "610728001001", "一般农户", "m1", "王二", "户主", "1970-13-01"],
        ]);
        var problems = new List<RecordProblem>();
        var result = new HouseholdImporter(_db.DataSource).ImportTabular(csv, Monitoring.Engine.Importing.TabularFormat.Csv, AsOf, problems.Add);

        Assert.False(result.Committed);
        var problem = Assert.Single(problems);
        Assert.StartsWith("row 3: 出生日期:", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Counts());

        var good = Monitoring.Tests.Spreadsheets.SheetFiles.Csv([header, ["610728-9301", "610728", "610728001001", "脱贫户", "m1", "王一", "户主", "1970-05-01"]]);
        Assert.True(new HouseholdImporter(_db.DataSource).ImportTabular(good, Monitoring.Engine.Importing.TabularFormat.Csv, AsOf, p => Assert.Fail(p.ToString())).Committed);
        Assert.Equal("lifted", Sql.Value(_db.ConnectionString, "SELECT category FROM households WHERE id = '610728-9301'"));
    }

    [Fact]
    public void A_second_run_records_new_and_resolved_findings_against_the_first()
    {
        var household = SampleHousehold.Create("610728-9100");
        household["members"]![0]!["medicalInsurance"] = false;
        Import([SampleHousehold.Line(household)]);
        var ruleSet = SharedCatalog.Instance.ForProfile("cn-national");
        var first = new NightlyRunner(_db.DataSource, ruleSet).Run(AsOf);

        household["members"]![0]!["medicalInsurance"] = true;
        household["members"]![1]!["schooling"] = "not_enrolled";
        Import([SampleHousehold.Line(household)]);
        var second = new NightlyRunner(_db.DataSource, ruleSet).Run(AsOf);

        Assert.Equal(first.RunId, second.PreviousRunId);
        Assert.True(second.NewFindings >= 1);
        Assert.True(second.ResolvedFindings >= 1);
        using var connection = new NpgsqlConnection(_db.ConnectionString);
        connection.Open();
        using var resolved = new NpgsqlCommand($"""
            SELECT f.rule_id FROM finding_resolutions r JOIN findings f ON f.id = r.finding_id
            WHERE r.run_id = {second.RunId} AND f.household_id = '610728-9100'
            """, connection);
        Assert.Equal("MED-UNINSURED", resolved.ExecuteScalar());
        using var versions = new NpgsqlCommand("SELECT count(*) FROM household_versions WHERE household_id = '610728-9100'", connection);
        Assert.Equal(2L, versions.ExecuteScalar());
    }

    [Fact]
    public void A_run_left_running_by_a_dead_process_is_marked_failed()
    {
        using (var connection = new NpgsqlConnection(_db.ConnectionString))
        {
            connection.Open();
            using var insert = new NpgsqlCommand("""
                INSERT INTO evaluation_runs (as_of, profile, rules_version, mode, status, started_at, host, process_id,
                    households_evaluated, findings_count, candidates_count, new_findings, resolved_findings)
                VALUES ('2022-06-30', 'cn-national', 'x', 'full', 'running', now(), @host, 2147483000, 0, 0, 0, 0, 0)
                """, connection);
            insert.Parameters.AddWithValue("host", Environment.MachineName);
            insert.ExecuteNonQuery();
        }

        var runner = new NightlyRunner(_db.DataSource, SharedCatalog.Instance.ForProfile("cn-national"));
        Assert.True(runner.MarkAbandonedRunsFailed() >= 1);
        Assert.Equal(0, runner.MarkAbandonedRunsFailed());
    }

    private ImportResult Import(IReadOnlyList<string> lines) =>
        new HouseholdImporter(_db.DataSource).ImportJsonLines(Stream(lines), AsOf, p => Assert.Fail(p.ToString()));

    private static MemoryStream Stream(IEnumerable<string> lines) => new(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    private (long Households, long Versions, string Hashes) Counts()
    {
        using var connection = new NpgsqlConnection(_db.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM households), (SELECT count(*) FROM household_versions), (SELECT string_agg(current_hash, ',' ORDER BY id) FROM households)", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
    }
}
