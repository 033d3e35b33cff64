using System.Text;
using System.Text.Json;
using Monitoring.Store.Department;
using Monitoring.Store.Exporting;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Department;

/// <summary>
/// Department checks in the nightly run on a real PostgreSQL: the county's current snapshots are read, each finding names
/// list, snapshot and line, the run records the snapshots it read, and a new snapshot re-evaluates the county's households.
/// </summary>
public sealed class DepartmentNightlyTests : IClassFixture<PostgresFixture>
{
    private const string HeadId = "610728198001011233";
    private readonly PostgresFixture _db;

    public DepartmentNightlyTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    private static MemoryStream Stream(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    private void Deliver(string list, string county, DateOnly snapshot, params string[] lines)
    {
        var store = new DepartmentDeliveryStore(_db.DataSource, new FixedClock(new DateTimeOffset(snapshot.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        Assert.True(store.Import(list, county, snapshot, Stream(lines), list + ".jsonl", "test", p => Assert.Fail(p.ToString())).Committed);
    }

    private List<JsonElement> Findings(long runId) =>
        [.. new FindingsExporter(_db.DataSource).Findings(runId, null).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Fact]
    public void A_night_reports_department_mismatches_and_a_new_snapshot_reevaluates_the_county()
    {
        var dibao = SampleHousehold.Create("610728-D001");
        dibao["members"]![0]!["assistance"] = new System.Text.Json.Nodes.JsonArray("dibao");
        var elsewhere = SampleHousehold.Create("610729-D002");
        elsewhere["region"]!["countyCode"] = "610729";
        elsewhere["region"]!["villageCode"] = "610729001001";
        var unrelated = SampleHousehold.Create("610728-D003");
        unrelated["members"]![0]!["idNumber"] = "610728198202020224";
        Assert.True(new HouseholdImporter(_db.DataSource).ImportJsonLines(
            Stream(SampleHousehold.Line(dibao), SampleHousehold.Line(elsewhere), SampleHousehold.Line(unrelated)), new DateOnly(2022, 6, 30),
            p => Assert.Fail(p.ToString())).Committed);
        Deliver("mca-dibao", "610728", new DateOnly(2022, 6, 15), """{"caseNo": "MZ-1", "members": ["610728195003030557"], "from": "2021-03-01"}""");
        Deliver("mca-tekun", "610728", new DateOnly(2022, 6, 15), """{"caseNo": "TK-1", "members": ["610728195204040663"], "from": "2021-03-01"}""");

        var runner = new NightlyRunner(_db.DataSource, SharedCatalog.Instance.ForProfile("cn-national"));
        var first = runner.Run(new DateOnly(2022, 6, 30));

        var findings = Findings(first.RunId);
        var mismatch = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "DEPT-DIBAO-MISMATCH");
        Assert.Equal("610728-D001", mismatch.GetProperty("householdId").GetString());
        var differences = mismatch.GetProperty("values").GetProperty("differences").GetString()!;
        Assert.Contains("mca-dibao 快照 #", differences, StringComparison.Ordinal);
        Assert.Contains("assistance.dibao", differences, StringComparison.Ordinal);
        Assert.Equal(["610728-D001", "610729-D002"], findings.Where(f => f.GetProperty("ruleId").GetString() == "DATA-DUPLICATE-PERSON")
            .Select(f => f.GetProperty("householdId").GetString()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(HeadId, string.Join("\n", new FindingsExporter(_db.DataSource).Findings(first.RunId, null)), StringComparison.Ordinal);
        Assert.Equal(2, Sql.Count(_db.ConnectionString, $"SELECT count(*) FROM run_roster_snapshots WHERE run_id = {first.RunId}"));

        // An auditor replays the night for the household with the snapshots that night read: the same findings, byte for byte.
        var exporter = new FindingsExporter(_db.DataSource);
        var replay = new Monitoring.Store.Replay.ReplayService(_db.DataSource, new Monitoring.Store.RuleSets.RuleSetArchive(_db.DataSource, TimeProvider.System),
            new Monitoring.Store.Runs.RunQueries(_db.DataSource, exporter), exporter).Replay(first.RunId, "610728-D001");
        Assert.True(replay.Reproduced, string.Join("\n", replay.ReplayedFindings) + "\n---\n" + string.Join("\n", replay.StoredFindings));
        Assert.Contains(replay.ReplayedFindings, f => f.Contains("DEPT-DIBAO-MISMATCH", StringComparison.Ordinal));

        // The department lists the head from 2022-07-01: the next (incremental) night re-evaluates the county and the mismatch goes.
        Deliver("mca-dibao", "610728", new DateOnly(2022, 7, 1), $$"""{"caseNo": "MZ-1", "members": ["{{HeadId}}"], "from": "2021-03-01"}""");
        var second = runner.Run(new DateOnly(2022, 7, 2));

        Assert.Equal("incremental", second.Plan!.Mode);
        Assert.DoesNotContain(Findings(second.RunId), f => f.GetProperty("ruleId").GetString() == "DEPT-DIBAO-MISMATCH");
        Assert.Equal("DEPT-DIBAO-MISMATCH", Sql.Value(_db.ConnectionString, $"""
            SELECT f.rule_id FROM finding_resolutions r JOIN findings f ON f.id = r.finding_id WHERE r.run_id = {second.RunId} AND f.rule_id LIKE 'DEPT-%'
            """));

        // The snapshot of 2022-06-15 turns 32 days old on 2022-07-17; the county's tekun roster is then not current: the
        // horizon brings the households back on that night without any data change.
        var third = runner.Run(new DateOnly(2022, 7, 17));
        Assert.Equal("incremental", third.Plan!.Mode);
        Assert.True(third.HouseholdsEvaluated >= 2, $"evaluated {third.HouseholdsEvaluated}");
        Assert.True(third.Summary.NotEvaluableByRule.ContainsKey("DEPT-DIBAO-MISMATCH"));
    }
}
