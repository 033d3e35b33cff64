using System.Text;
using System.Text.Json;
using Monitoring.Store.Department;
using Monitoring.Store.Exporting;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Department;

/// <summary>Area findings (DEPT-FEED-LATE: a county and list, no household) through the store, the run totals and the export.</summary>
public sealed class AreaFindingStoreTests : IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _db;

    public AreaFindingStoreTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    private static MemoryStream Stream(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    [Fact]
    public void A_late_list_is_stored_as_an_area_finding_and_exported_before_the_households()
    {
        Assert.True(new HouseholdImporter(_db.DataSource).ImportJsonLines(Stream(SampleHousehold.Line(SampleHousehold.Create("610728-A001"))),
            new DateOnly(2022, 6, 30), p => Assert.Fail(p.ToString())).Committed);
        var store = new DepartmentDeliveryStore(_db.DataSource, new FixedClock(new DateTimeOffset(2022, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.True(store.Import("warn-yingji", "610728", new DateOnly(2022, 6, 1), Stream("""{"idNumber": "610728195003030557", "date": "2022-05-30", "kind": "disaster"}"""),
            "warn.jsonl", "应急局", p => Assert.Fail(p.ToString())).Committed);
        Assert.True(store.Import("warn-yingji", "610729", new DateOnly(2022, 6, 20), Stream("""{"idNumber": "610728195003030557", "date": "2022-06-19", "kind": "disaster"}"""),
            "warn.jsonl", "应急局", p => Assert.Fail(p.ToString())).Committed);
        var runner = new NightlyRunner(_db.DataSource, SharedCatalog.Instance.ForProfile("cn-national"));

        var first = runner.Run(new DateOnly(2022, 6, 30));

        var exported = new FindingsExporter(_db.DataSource).Findings(first.RunId, null).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var area = exported[0];
        Assert.Equal("DEPT-FEED-LATE", area.GetProperty("ruleId").GetString());
        Assert.Equal(JsonValueKind.Null, area.GetProperty("householdId").ValueKind);
        Assert.Equal("area", area.GetProperty("scope").GetString());
        Assert.Equal(("610728", "warn-yingji"), (area.GetProperty("area").GetProperty("countyCode").GetString(), area.GetProperty("area").GetProperty("list").GetString()));
        Assert.Equal(29, area.GetProperty("values").GetProperty("days").GetInt32());
        Assert.Single(exported, f => f.GetProperty("ruleId").GetString() == "DEPT-FEED-LATE"); // 610729 delivered 10 days ago
        Assert.Equal(1, Sql.Count(_db.ConnectionString, $"SELECT count(*) FROM findings WHERE run_id = {first.RunId} AND household_id IS NULL"));
        Assert.Equal(1, Sql.Count(_db.ConnectionString, $"SELECT count FROM run_counts WHERE run_id = {first.RunId} AND key = 'DEPT-FEED-LATE'"));
        // A village sees its own county's area findings only.
        Assert.Contains(new FindingsExporter(_db.DataSource).Findings(first.RunId, "610728001001"), l => l.Contains("DEPT-FEED-LATE", StringComparison.Ordinal));
        Assert.DoesNotContain(new FindingsExporter(_db.DataSource).Findings(first.RunId, "610729001001"), l => l.Contains("DEPT-FEED-LATE", StringComparison.Ordinal));

        // The next night (incremental) has both counties late: totals count this night's area findings, not last night's as well.
        var second = runner.Run(new DateOnly(2022, 7, 6));
        Assert.Equal("incremental", second.Plan!.Mode);
        Assert.Equal(2, Sql.Count(_db.ConnectionString, $"SELECT count FROM run_counts WHERE run_id = {second.RunId} AND key = 'DEPT-FEED-LATE'"));
        Assert.Equal(2, new FindingsExporter(_db.DataSource).Findings(second.RunId, null).Count(l => l.Contains("\"scope\":\"area\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_household_finding_without_a_household_is_refused_by_the_store()
    {
        var run = Sql.Value(_db.ConnectionString, """
            INSERT INTO evaluation_runs (as_of, profile, rules_version, mode, status, started_at, host, process_id, households_evaluated, findings_count, candidates_count, new_findings, resolved_findings)
            VALUES ('2022-06-30', 'cn-national', 'x', 'full', 'failed', now(), 'h', 1, 0, 0, 0, 0, 0) RETURNING id
            """);
        var error = Assert.Throws<Npgsql.PostgresException>(() => Sql.Value(_db.ConnectionString, $"""
            INSERT INTO findings (run_id, household_id, rule_id, severity, as_of, rule_version, profile, finding)
            VALUES ({run}, NULL, 'X', 'risk', '2022-06-30', 'v', 'cn-national', json_build_object('ruleId', 'X'))
            """));
        Assert.Equal("23514", error.SqlState);
    }
}
