using System.Text;
using System.Text.Json;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Generation;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;
using static Monitoring.Tests.Cases.CaseRecords;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Cases;

namespace Monitoring.Tests.Cases;

/// <summary>Case commands against the real store: versions and log in one transaction, imports keep them, and the nightly run agrees with evaluate.</summary>
public sealed class CaseStoreTests : IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _db;

    public CaseStoreTests(PostgresFixture db) => _db = db.Migrated();

    private CaseService Service() => new(SharedCatalog.Instance, _db.DataSource, null);

    private void Import(params string[] lines)
    {
        var result = new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), D("2022-06-30"),
            p => Assert.Fail(p.ToString()));
        Assert.True(result.Committed);
    }

    private static string Line(string id) => SampleHousehold.Line(SampleHousehold.Create(id));

    private long Count(string sql) => Sql.Count(_db.ConnectionString, sql);

    [Fact]
    public void A_command_adds_a_version_points_the_household_at_it_and_appends_the_log_a_refused_one_writes_nothing()
    {
        Import(Line("610728-1001"));
        var service = Service();
        var opened = service.Execute("610728-1001", Open("2021-09-01"), "王五", "test@host", D("2021-09-01"));
        Assert.True(opened.NewVersion);
        Assert.Equal(opened.ResultingHash, Sql.Value(_db.ConnectionString, "SELECT current_hash FROM households WHERE id = '610728-1001'"));
        Assert.Equal("2021-09-01", Sql.Value(_db.ConnectionString, $"SELECT record->'case'->>'openedOn' FROM household_versions WHERE hash = '{opened.ResultingHash}'"));
        Assert.Equal(1, Count("SELECT count(*) FROM case_log WHERE household_id = '610728-1001' AND command = 'open' AND actor = '王五' AND client = 'test@host' AND payload->>'type' = 'unstable'"));
        Assert.Equal(opened.PreviousHash, Sql.Value(_db.ConnectionString, "SELECT previous_hash FROM case_log WHERE household_id = '610728-1001'"));

        var versions = Count("SELECT count(*) FROM household_versions");
        var ex = Assert.Throws<CaseRejectedException>(() => service.Execute("610728-1001", Step("town_review", "2021-09-02"), "王五", "test@host", D("2021-09-02")));
        Assert.Equal("PROC-STEP-ORDER", ex.Rule.Id);
        Assert.Equal(versions, Count("SELECT count(*) FROM household_versions"));
        Assert.Equal(1, Count("SELECT count(*) FROM case_log WHERE household_id = '610728-1001'"));
        Assert.Throws<KeyNotFoundException>(() => service.Execute("610728-9999", Open("2021-09-01"), "王五", "test", D("2021-09-01")));

        var stored = service.Store.Load("610728-1001")!;
        Assert.Equal(opened.ResultingHash, CanonicalRecord.Hash(CanonicalRecord.Bytes(stored.Record)));
        Assert.Single(service.Store.Log("610728-1001"));
    }

    [Fact]
    public void County_approval_updates_the_category_column_and_a_later_import_keeps_the_recorded_case()
    {
        Import(Line("610728-2001"), Line("610728-2002"));
        var service = Service();
        foreach (var command in Commands().Where(c => c.Name != CaseCommand.ReleaseStep))
        {
            service.Execute("610728-2001", command, "王五", "test", command.Date);
        }

        Assert.Equal("monitored", Sql.Value(_db.ConnectionString, "SELECT category FROM households WHERE id = '610728-2001'"));
        var before = (string)Sql.Value(_db.ConnectionString, "SELECT current_hash FROM households WHERE id = '610728-2001'")!;

        // The county export comes again, without our case, with a visit of its own and a changed income for the other household.
        var export = SampleHousehold.Create("610728-2001");
        export["visits"] = new System.Text.Json.Nodes.JsonArray("2021-07-10", "2021-10-10", "2021-11-20");
        var other = SampleHousehold.Create("610728-2002");
        other["category"] = "ordinary";
        Import(SampleHousehold.Line(export), SampleHousehold.Line(other));

        var kept = service.Store.Load("610728-2001")!.Record;
        Assert.NotEqual(before, service.Store.Load("610728-2001")!.Hash);
        Assert.Equal(CaseState.Included, CaseStates.Of(kept.Case));
        Assert.Equal("monitored", kept.Category);
        Assert.Equal("unstable", kept.MonitoringType);
        Assert.Equal(D("2021-09-20"), kept.Case!.PlanOn);
        Assert.Contains(D("2021-11-20"), kept.Visits!);
        Assert.Contains(D("2021-10-05"), kept.Visits!);
        Assert.Equal("ordinary", service.Store.Load("610728-2002")!.Record.Category);
        Assert.Null(service.Store.Load("610728-2002")!.Record.Case);
    }

    [Fact]
    public void Procedure_findings_of_the_nightly_run_equal_those_of_evaluate_on_the_stored_records()
    {
        var asOf = D("2022-06-30");
        var generated = new HouseholdGenerator(11, asOf).GenerateMany(60).Select(HouseholdJsonLines.Serialize).ToList();
        Import([.. generated, Line("610728-3001"), Line("610728-3002")]);
        var service = Service();
        foreach (var command in Commands())
        {
            service.Execute("610728-3001", command, "王五", "test", command.Date);
        }

        // A second household left late: opened, no county decision after 15 days.
        service.Execute("610728-3002", Open("2022-05-01"), "王五", "test", D("2022-05-01"));

        var ruleSet = SharedCatalog.Instance.ForProfile(Zhenba);
        var run = new NightlyRunner(_db.DataSource, ruleSet).Run(asOf);
        var stored = new FindingsExporter(_db.DataSource).Findings(run.RunId, null)
            .Select(f => JsonDocument.Parse(f).RootElement.Clone()).ToList();

        var current = service.Store.Households(null, null).Select(HouseholdJsonLines.Serialize).ToList();
        var (evaluated, problems, _) = Evaluate.Lines(current, asOf, Zhenba);
        Assert.Empty(problems);

        static List<string> Procedure(IEnumerable<JsonElement> findings) =>
            [.. findings.Where(f => f.GetProperty("ruleId").GetString()!.StartsWith("PROC-", StringComparison.Ordinal)).Select(f => f.GetRawText())];
        var fromStore = Procedure(stored);
        Assert.Equal(Procedure(evaluated), fromStore);
        Assert.Contains(fromStore, f => f.Contains("\"610728-3002\"", StringComparison.Ordinal) && f.Contains("PROC-IDENT-OVERDUE", StringComparison.Ordinal));
        Assert.Contains(fromStore, f => f.Contains("\"610728-3001\"", StringComparison.Ordinal) && f.Contains("PROC-REVISIT-OVERDUE", StringComparison.Ordinal));
    }

    /// <summary>From candidate to county approval, help, and release; no revisit.</summary>
    private static CaseCommand[] Commands() =>
    [
        Open("2021-09-01"),
        Step("warning_notice", "2021-09-01"), Step("home_verification", "2021-09-02"), Step("consent", "2021-09-02"), Step("data_comparison", "2021-09-03"),
        Step("village_review", "2021-09-03"), Step("public_notice", "2021-09-03", "2021-09-08"), Step("town_review", "2021-09-09"),
        Step("county_approval", "2021-09-10"),
        Simple(CaseCommand.Plan, "2021-09-20"), Simple(CaseCommand.Measure, "2021-09-25", kind: "employment"), Simple(CaseCommand.Visit, "2021-10-05"),
        Release("village_notice", "2021-11-01", "2021-11-05"), Release("town_recheck", "2021-11-08"), Release("department_review", "2021-11-10"),
        Release("county_announcement", "2021-11-15"),
    ];
}
