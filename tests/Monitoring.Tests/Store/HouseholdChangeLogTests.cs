using System.Text;
using Monitoring.Store.Cases;
using Monitoring.Store.Importing;
using Monitoring.Tests.Support;
using Npgsql;
using static Monitoring.Tests.Cases.CaseRecords;

namespace Monitoring.Tests.Store;

/// <summary>The household change log: every change of a household's version appends one row in the same transaction.</summary>
public sealed class HouseholdChangeLogTests : IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _db;

    public HouseholdChangeLogTests(PostgresFixture db) => _db = db.Migrated();

    private ImportResult Import(string file, DateOnly asOf, params string[] lines) =>
        new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), asOf,
            new ImportSource(file, "县局", "test@host"), p => Assert.Fail(p.ToString()));

    private long Count(string sql) => Sql.Count(_db.ConnectionString, sql);

    [Fact]
    public void Imports_and_case_commands_append_a_chained_row_described_on_their_date_and_unchanged_households_write_nothing()
    {
        var first = SampleHousehold.Create("610728-7001");
        Assert.True(Import("a.jsonl", D("2022-01-31"), SampleHousehold.Line(first), SampleHousehold.Line(SampleHousehold.Create("610728-7002"))).Committed);
        Assert.Equal(1, Count("""
            SELECT count(*) FROM household_changes WHERE household_id = '610728-7001' AND previous_hash IS NULL AND source = 'import'
              AND described_on = '2022-01-31' AND file_name = 'a.jsonl' AND line = 1 AND actor = '县局' AND client = 'test@host' AND mode = 'replace'
              AND new_hash = (SELECT current_hash FROM households WHERE id = '610728-7001')
            """));
        Assert.Equal(1, Count("SELECT count(*) FROM household_changes WHERE household_id = '610728-7002' AND line = 2"));

        var again = Import("a.jsonl", D("2022-02-28"), SampleHousehold.Line(first));
        Assert.Equal(1, again.Unchanged);
        Assert.Equal(2, Count("SELECT count(*) FROM household_changes WHERE household_id LIKE '610728-70%'"));

        first["category"] = "ordinary";
        Assert.Equal(1, Import("b.jsonl", D("2022-03-31"), SampleHousehold.Line(first)).Updated);
        var service = new CaseService(SharedCatalog.Instance, _db.DataSource, null);
        var opened = service.Execute("610728-7001", Open("2022-04-02"), "王五", "cli@x", D("2022-04-05"));

        Assert.Equal(3, Count("SELECT count(*) FROM household_changes WHERE household_id = '610728-7001'"));
        Assert.Equal(1, Count("""
            SELECT count(*) FROM household_changes WHERE household_id = '610728-7001' AND source = 'case' AND described_on = '2022-04-02'
              AND actor = '王五' AND details->>'command' = 'open' AND (details->>'caseLogId')::bigint = (SELECT max(id) FROM case_log)
            """));
        // A correction of the open entry is logged as a correction, described on the corrected date.
        service.Correct("610728-7001", opened.LogId, "立案日期录错", new Monitoring.Engine.Cases.CaseCorrection { Date = D("2022-04-01") }, "赵六", "cli@x", D("2022-04-05"));
        Assert.Equal(1, Count("""
            SELECT count(*) FROM household_changes WHERE household_id = '610728-7001' AND source = 'correction' AND described_on = '2022-04-01'
              AND actor = '赵六' AND details->>'command' = 'correct'
            """));

        // The chain previous → new is unbroken and ends at the version in force.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT previous_hash, lag(new_hash) OVER (ORDER BY id) AS before FROM household_changes WHERE household_id = '610728-7001') c
            WHERE previous_hash IS DISTINCT FROM before
            """));
        Assert.Equal(1, Count("""
            SELECT count(*) FROM households h WHERE id = '610728-7001'
              AND current_hash = (SELECT new_hash FROM household_changes WHERE household_id = h.id ORDER BY id DESC LIMIT 1)
            """));
    }

    [Fact]
    public void The_change_log_is_append_only()
    {
        Import("c.jsonl", D("2022-01-31"), SampleHousehold.Line(SampleHousehold.Create("610728-7101")));
        var ex = Assert.Throws<PostgresException>(() => Sql.Value(_db.ConnectionString, "UPDATE household_changes SET actor = 'x'"));
        Assert.Equal("42501", ex.SqlState);
        ex = Assert.Throws<PostgresException>(() => Sql.Value(_db.ConnectionString, "DELETE FROM household_changes"));
        Assert.Equal("42501", ex.SqlState);
    }
}
