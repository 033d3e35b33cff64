using System.Text;
using System.Text.Json;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;
using Monitoring.Store.Cases;
using Monitoring.Store.Exporting;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;
using static Monitoring.Tests.Cases.CaseRecords;

namespace Monitoring.Tests.Cases;

/// <summary>
/// Corrections and voids against the real store: the original entry stays in the log, the correction names it, the record
/// the evaluator reads is rebuilt with it, and the nightly run follows; point-in-time views show what was recorded by a day.
/// </summary>
public sealed class CaseCorrectionTests : IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _db;

    public CaseCorrectionTests(PostgresFixture db) => _db = db.Migrated();

    private CaseService Service() => new(SharedCatalog.Instance, _db.DataSource, null);

    private long Count(string sql) => Sql.Count(_db.ConnectionString, sql);

    private HouseholdRecord ImportAndRecord(string id, IEnumerable<CaseCommand> commands, Action<System.Text.Json.Nodes.JsonObject>? change = null)
    {
        var json = SampleHousehold.Create(id);
        change?.Invoke(json);
        var line = SampleHousehold.Line(json);
        var result = new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(line)), D("2022-06-30"), p => Assert.Fail(p.ToString()));
        Assert.True(result.Committed);
        var imported = Service().Store.Load(id)!.Record;
        foreach (var command in commands)
        {
            Service().Execute(id, command, "王五", "test", command.Date);
        }

        return imported;
    }

    private long EntryOf(string id, string command, string field, string value) =>
        Count($"SELECT id FROM case_log WHERE household_id = '{id}' AND command = '{command}' AND payload->>'{field}' = '{value}'");

    [Fact]
    public void A_corrected_date_keeps_the_original_entry_and_the_record_is_the_one_recorded_with_the_right_date()
    {
        const string id = "610728-5001";
        var imported = ImportAndRecord(id, Inclusion());
        var approval = EntryOf(id, "step", "step", "county_approval");
        var service = Service();

        var corrected = service.Correct(id, approval, "审定日期录错", new CaseCorrection { Date = D("2021-09-12") }, "赵六", "test", D("2021-10-01"));

        Assert.Equal(2, Count($"SELECT count(*) FROM case_log WHERE household_id = '{id}' AND (id = {approval} OR (command = 'correct' AND (payload->>'entry')::bigint = {approval}))"));
        Assert.Equal("2021-09-10", Sql.Value(_db.ConnectionString, $"SELECT payload->>'date' FROM case_log WHERE id = {approval}"));
        Assert.Equal("step", Sql.Value(_db.ConnectionString, $"SELECT payload->>'command' FROM case_log WHERE id = {corrected.LogId}"));
        Assert.Equal("审定日期录错", Sql.Value(_db.ConnectionString, $"SELECT payload->>'reason' FROM case_log WHERE id = {corrected.LogId}"));

        // The record in force is exactly the one the corrected commands give on the imported record.
        var expected = Run(Procedure(), imported, [.. Inclusion().Select(c => c.StepName == "county_approval" ? c with { Date = D("2021-09-12") } : c)]);
        Assert.Equal(CanonicalRecord.Hash(CanonicalRecord.Bytes(expected)), service.Store.Load(id)!.Hash);
        Assert.Equal(corrected.ResultingHash, service.Store.Load(id)!.Hash);
        Assert.Equal(D("2021-09-12"), CaseStates.DateOf(service.Store.Load(id)!.Record.Case!.Inclusion, "county_approval"));
    }

    [Fact]
    public void A_voided_measure_is_gone_from_the_record_and_the_nightly_run_flags_the_missing_measure()
    {
        const string id = "610728-5002";
        var imported = ImportAndRecord(id, [.. Inclusion(), Simple(CaseCommand.Plan, "2021-09-20"), Simple(CaseCommand.Measure, "2021-09-25", kind: "employment")]);
        var ruleSet = SharedCatalog.Instance.ForProfile(Zhenba);
        var asOf = D("2022-07-31"); // after every date the tests of this class record
        Assert.DoesNotContain(NightRules(new NightlyRunner(_db.DataSource, ruleSet).Run(asOf).RunId, id), r => r == "PROC-MEASURES-OVERDUE");

        var measure = EntryOf(id, "measure", "kind", "employment");
        var service = Service();
        var voided = service.Void(id, measure, "措施实际未落实", "赵六", "test", D("2022-06-30"));
        Assert.Empty(voided.Record.Case!.Measures!);
        Assert.Equal(1, Count($"SELECT count(*) FROM case_log WHERE id = {measure} AND command = 'measure'"));
        Assert.Equal(1, Count($"SELECT count(*) FROM case_log WHERE command = 'void' AND (payload->>'entry')::bigint = {measure}"));
        var expected = Run(Procedure(), imported, [.. Inclusion(), Simple(CaseCommand.Plan, "2021-09-20")]);
        Assert.Equal(CanonicalRecord.Hash(CanonicalRecord.Bytes(expected)), voided.ResultingHash);

        Assert.Contains(NightRules(new NightlyRunner(_db.DataSource, ruleSet).Run(asOf).RunId, id), r => r == "PROC-MEASURES-OVERDUE");

        // Voided once: neither voided nor corrected again, and nothing is written.
        var log = Count("SELECT count(*) FROM case_log");
        Assert.Equal("CASE-CORRECTION", Assert.Throws<CaseRejectedException>(() => service.Void(id, measure, "再次", "赵六", "test", asOf)).Rule.Id);
        Assert.Equal("CASE-CORRECTION", Assert.Throws<CaseRejectedException>(() => service.Correct(id, measure, "再次", new CaseCorrection { MeasureKind = "医疗" }, "赵六", "test", asOf)).Rule.Id);
        Assert.Equal("CASE-CORRECTION", Assert.Throws<CaseRejectedException>(() => service.Void(id, voided.LogId, "作废一条作废记录", "赵六", "test", asOf)).Rule.Id);
        Assert.Equal("CASE-CORRECTION", Assert.Throws<CaseRejectedException>(() => service.Void(id, 999_999, "不存在", "赵六", "test", asOf)).Rule.Id);
        Assert.Equal("CASE-CORRECTION", Assert.Throws<CaseRejectedException>(() => service.Void(id, measure - 1, " ", "赵六", "test", asOf)).Rule.Id);
        Assert.Equal(log, Count("SELECT count(*) FROM case_log"));
    }

    [Fact]
    public void A_correction_that_breaks_a_later_entry_or_a_check_is_refused_and_writes_nothing()
    {
        const string id = "610728-5003";
        ImportAndRecord(id, [.. Inclusion(), Release("village_notice", "2021-11-01", "2021-11-05"), Release("town_recheck", "2021-11-08")]);
        var service = Service();
        var hash = service.Store.Load(id)!.Hash;
        var log = Count("SELECT count(*) FROM case_log");

        var town = EntryOf(id, "step", "step", "town_review");
        var later = Assert.Throws<CaseRejectedException>(() => service.Correct(id, town, "日期", new CaseCorrection { Date = D("2021-09-11") }, "赵六", "test", D("2021-12-01")));
        Assert.Equal("CASE-CORRECTION", later.Rule.Id);
        Assert.Contains("不再成立：PROC-STEP-ORDER（000 row 78）", later.Message, StringComparison.Ordinal);

        var notice = EntryOf(id, "release-step", "step", "village_notice");
        var shorter = Assert.Throws<CaseRejectedException>(() => service.Correct(id, notice, "截止日期", new CaseCorrection { Until = D("2021-11-04") }, "赵六", "test", D("2021-12-01")));
        Assert.Equal("PROC-RELEASE-NOTICE-SHORT", shorter.Rule.Id);
        var same = Assert.Throws<CaseRejectedException>(() => service.Correct(id, notice, "无变化", new CaseCorrection { Until = D("2021-11-05") }, "赵六", "test", D("2021-12-01")));
        Assert.Contains("没有可更正的内容", same.Message, StringComparison.Ordinal);

        Assert.Equal(hash, service.Store.Load(id)!.Hash);
        Assert.Equal(log, Count("SELECT count(*) FROM case_log"));

        // A correction of a correction: the latest one is in force.
        service.Correct(id, notice, "延长公示", new CaseCorrection { Until = D("2021-11-06") }, "赵六", "test", D("2021-12-01"));
        var again = service.Correct(id, notice, "再次更正", new CaseCorrection { Until = D("2021-11-07") }, "赵六", "test", D("2021-12-01"));
        Assert.Equal(D("2021-11-07"), again.Record.Case!.Release!.Steps![0].Until);
    }

    [Fact]
    public void Point_in_time_views_show_what_was_recorded_by_the_day()
    {
        const string id = "610728-5004";
        ImportAndRecord(id, [.. Inclusion(), Simple(CaseCommand.Visit, "2021-10-05"), Release("village_notice", "2021-11-01", "2021-11-05"),
            Release("town_recheck", "2021-11-08"), Release("department_review", "2021-11-10"), Release("county_announcement", "2021-11-15")]);
        var service = Service();
        Assert.Equal(CaseState.Released, CaseStates.Of(service.Store.Load(id)!.Record.Case));

        var early = service.HouseholdsAsOf("610728001001", null, D("2021-09-05")).Single(h => h.Id == id);
        Assert.Equal(CaseState.Identifying, CaseStates.Of(early.Case));
        Assert.Equal("lifted", early.Category);
        Assert.DoesNotContain(early.Case!.Inclusion!, s => s.Step is "town_review" or "county_approval");
        Assert.DoesNotContain(D("2021-10-05"), early.Visits!);

        var releasing = service.HouseholdsAsOf(null, "610728001", D("2021-11-03")).Single(h => h.Id == id);
        Assert.Equal(CaseState.Releasing, CaseStates.Of(releasing.Case));
        Assert.Equal("monitored", releasing.Category);

        // due on 2021-09-05: identification still open (the current record has it met on 2021-09-10).
        var ruleSet = SharedCatalog.Instance.ForProfile(Zhenba);
        var identification = new ObligationCalculator(ruleSet).For(early, D("2021-09-05")).Single(o => o.Kind == "identification");
        Assert.Equal(ObligationStatus.Open, identification.Status);
        Assert.Contains("下一步「镇（办）审核」", identification.TitleZh, StringComparison.Ordinal);

        // notice-list: the inclusion notice ran 2021-09-03..08, the release notice 2021-11-01..05.
        IReadOnlyList<string> Listed(string day) =>
            [.. NoticeList.Build(service.HouseholdsAsOf("610728001001", null, D(day)), D(day), new CaseFindings(ruleSet, D(day))).Where(e => e.HouseholdId == id).Select(e => e.ProposalZh)];
        Assert.Equal(["拟纳入监测"], Listed("2021-09-05"));
        Assert.Empty(Listed("2021-09-09"));
        Assert.Equal(["拟消除风险"], Listed("2021-11-05"));
        Assert.Empty(Listed("2021-11-06"));
    }

    [Fact]
    public void The_county_announcement_warns_when_risk_findings_of_the_latest_run_are_in_force()
    {
        CaseCommand[] release = [Release("village_notice", "2022-06-01", "2022-06-05"), Release("town_recheck", "2022-06-08"), Release("department_review", "2022-06-10")];
        const string id = "610728-5005";
        const string quiet = "610728-5006";
        ImportAndRecord(id, [.. Inclusion(), .. release], json => json["incomes"]![0]!["wage"] = 3000);
        ImportAndRecord(quiet, [.. Inclusion(), .. release]);
        new NightlyRunner(_db.DataSource, SharedCatalog.Instance.ForProfile(Zhenba)).Run(D("2022-07-31"));
        var service = Service();
        var risks = service.Store.RiskFindingsInForce(id);
        Assert.Contains("INC-BELOW-LINE", risks);

        var announced = service.Execute(id, Release("county_announcement", "2022-07-01"), "王五", "test", D("2022-07-01"));
        Assert.Equal(CaseState.Released, CaseStates.Of(announced.Record.Case));
        var warning = Assert.Single(announced.Warnings);
        Assert.Contains("PROC-RELEASE-PREMATURE", warning, StringComparison.Ordinal);
        Assert.Contains("INC-BELOW-LINE", warning, StringComparison.Ordinal);

        Assert.Empty(service.Store.RiskFindingsInForce(quiet));
        Assert.Empty(service.Execute(quiet, Release("county_announcement", "2022-07-01"), "王五", "test", D("2022-07-01")).Warnings);
    }

    private List<string> NightRules(long runId, string householdId) =>
        [.. new FindingsExporter(_db.DataSource).Findings(runId, null)
            .Select(f => JsonDocument.Parse(f).RootElement)
            .Where(f => f.GetProperty("householdId").GetString() == householdId)
            .Select(f => f.GetProperty("ruleId").GetString()!)];

    /// <summary>From candidate to county approval on 2021-09-10.</summary>
    private static CaseCommand[] Inclusion() =>
    [
        Open("2021-09-01"),
        Step("warning_notice", "2021-09-01"), Step("home_verification", "2021-09-02"), Step("consent", "2021-09-02"), Step("data_comparison", "2021-09-03"),
        Step("village_review", "2021-09-03"), Step("public_notice", "2021-09-03", "2021-09-08"), Step("town_review", "2021-09-09"),
        Step("county_approval", "2021-09-10"),
    ];
}
