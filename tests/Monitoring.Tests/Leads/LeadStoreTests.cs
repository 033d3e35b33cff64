using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Engine.Cases;
using Monitoring.Store.Access;
using Monitoring.Store.Cases;
using Monitoring.Store.Department;
using Monitoring.Store.Importing;
using Monitoring.Store.Leads;
using Monitoring.Store.Nightly;
using Monitoring.Store.Web;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;
using Npgsql;

namespace Monitoring.Tests.Leads;

/// <summary>
/// Leads against a real PostgreSQL: a self-declaration reaches its village's staff only, confirming it records the
/// self_declared event through the case path so the next nights fire EVT-DECLARED and PROC-CANDIDATE-NO-CASE exactly as
/// for a typed event; warning lines become leads once; decisions are checked, logged and append-only.
/// </summary>
public sealed class LeadStoreTests : IClassFixture<PostgresFixture>
{
    private const string VillageA = "610728001001";
    private const string VillageB = "610728001002";
    private static readonly DateOnly Today = new(2022, 6, 15);

    private readonly PostgresFixture _db;
    private readonly FixedClock _clock = new(new DateTimeOffset(2022, 6, 15, 2, 0, 0, TimeSpan.Zero));
    private readonly LeadService _leads;
    private readonly DepartmentDeliveryStore _deliveries;

    public LeadStoreTests(PostgresFixture db)
    {
        _db = db.Migrated();
        var cases = new CaseService(SharedCatalog.Instance, _db.DataSource, null);
        _leads = new LeadService(_db.DataSource, cases, new AccessLog(_db.DataSource, _clock), _clock);
        _deliveries = new DepartmentDeliveryStore(_db.DataSource, _clock);
    }

    private static Caller VillageStaff(string village) => new("cun-" + village[^3..], UserRole.Village, village, "10.0.0.1");

    /// <summary>A household of <paramref name="village"/> whose head has the resident ID made from <paramref name="first17"/>.</summary>
    private static JsonObject Household(string id, string village, string first17, params JsonObject[] events)
    {
        var household = SampleHousehold.Create(id);
        household["region"]!["villageCode"] = village;
        household["members"]![0]!["idNumber"] = ResidentIdScanner.Valid(first17);
        household["events"] = new JsonArray([.. events]);
        return household;
    }

    private void Import(params JsonObject[] households)
    {
        var text = string.Join('\n', households.Select(SampleHousehold.Line)) + "\n";
        var result = new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(text)), Today, p => Assert.Fail(p.ToString()));
        Assert.True(result.Committed);
    }

    private long Night(DateOnly asOf) => new NightlyRunner(_db.DataSource, SharedCatalog.Instance.ForProfile("cn-national")).Run(asOf).RunId;

    /// <summary>The rules fired for a household by the outcome in force after run <paramref name="run"/>.</summary>
    private List<string> Fired(string household, long run)
    {
        using var connection = _db.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT f.rule_id FROM findings f
            WHERE f.household_id = @h AND f.run_id = (SELECT max(o.run_id) FROM household_outcomes o WHERE o.household_id = @h AND o.run_id <= @run)
            ORDER BY f.rule_id COLLATE "C"
            """, connection);
        command.Parameters.AddWithValue("h", household);
        command.Parameters.AddWithValue("run", run);
        using var reader = command.ExecuteReader();
        var rules = new List<string>();
        while (reader.Read())
        {
            rules.Add(reader.GetString(0));
        }

        return rules;
    }

    [Fact]
    public void A_self_declaration_reaches_only_its_village_and_confirming_it_behaves_as_a_typed_event()
    {
        const string Declared = "610728-9101";
        const string Typed = "610728-9102";
        Import(
            Household(Declared, VillageA, "61072819800101910"),
            Household(Typed, VillageA, "61072819800101920", new JsonObject { ["date"] = "2022-06-15", ["kind"] = "self_declared", ["note"] = "村里录入" }),
            Household("610728-9103", VillageB, "61072819800101930"));
        var id = ResidentIdScanner.Valid("61072819800101910");

        var receipt = _leads.Declare(new SelfDeclaration("张三", id.ToLowerInvariant(), "139 1234 5678", VillageA, "illness",
            $"老伴住院，身份证 {id}，花了两万多"), "203.0.113.9");
        Assert.Matches("^SB20220615-[0-9A-HJKMNP-TV-Z]{8}$", receipt.ReceiptNo);
        Assert.Equal(VillageA, receipt.VillageCode);

        var lead = Assert.Single(_leads.List(VillageStaff(VillageA), null, LeadStatuses.Pending), l => l.ReceiptNo == receipt.ReceiptNo);
        Assert.Equal((Declared, "m1", LeadSourceKinds.SelfDeclaration, Today), (lead.HouseholdId, lead.MemberId, lead.Source, lead.RaisedOn));
        Assert.Equal(Monitoring.Engine.Validation.ResidentIdNumber.Mask(id), lead.IdNumber);
        Assert.Empty(ResidentIdScanner.Find(System.Text.Json.JsonSerializer.Serialize(lead)));
        Assert.DoesNotContain(_leads.List(VillageStaff(VillageB), null), l => l.Id == lead.Id);
        Assert.Null(_leads.Get(VillageStaff(VillageB), lead.Id));
        Assert.Null(_leads.Confirm(VillageStaff(VillageB), lead.Id));
        Assert.Throws<OutsideAreaException>(() => _leads.List(VillageStaff(VillageB), VillageA));
        Assert.Equal(LeadStatuses.Pending, _leads.Lookup(receipt.ReceiptNo, "5678")!.Status);
        Assert.Null(_leads.Lookup(receipt.ReceiptNo, "5679"));

        var confirmed = _leads.Confirm(VillageStaff(VillageA), lead.Id)!;
        Assert.Equal(LeadStatuses.Confirmed, confirmed.Status);
        Assert.Equal([LeadStatuses.Pending, LeadStatuses.Confirmed], confirmed.History.Select(h => h.Status));
        Assert.Throws<LeadRejectedException>(() => _leads.Confirm(VillageStaff(VillageA), lead.Id));
        Assert.Equal(LeadStatuses.Confirmed, _leads.Lookup(receipt.ReceiptNo.ToLowerInvariant(), id)!.Status);

        // The event went the case path: one case-log entry, one household change, the record's event dated the lead's date.
        var cases = new CaseService(SharedCatalog.Instance, _db.DataSource, null);
        var logged = Assert.Single(cases.Store.Log(Declared));
        Assert.Equal(CaseCommand.Event, logged.Command);
        var events = cases.Store.Load(Declared)!.Record.Events!;
        var recorded = Assert.Single(events);
        Assert.Equal((Today, "self_declared"), (recorded.Date!.Value, recorded.Kind!));
        Assert.Equal(1, Sql.Count(_db.ConnectionString, $"SELECT count(*) FROM household_changes WHERE household_id = '{Declared}' AND source = 'case'"));
        Assert.Equal(1, Sql.Count(_db.ConnectionString, $"SELECT count(*) FROM access_log WHERE action = 'lead_decision' AND detail LIKE '线索 #{lead.Id} confirmed%'"));

        // The county's next JSON Lines import of the same household keeps the event the case path recorded.
        Import(Household(Declared, VillageA, "61072819800101910"));
        Assert.Single(cases.Store.Load(Declared)!.Record.Events!);

        var next = Night(Today.AddDays(1));
        Assert.Contains("EVT-DECLARED", Fired(Declared, next));
        Assert.Equal(Fired(Typed, next), Fired(Declared, next));
        var afterGrace = Night(Today.AddDays(16));
        Assert.Contains("PROC-CANDIDATE-NO-CASE", Fired(Declared, afterGrace));
        Assert.Equal(Fired(Typed, afterGrace), Fired(Declared, afterGrace));
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_a_lead_is_verified_once()
    {
        Import(Household("610728-9201", VillageA, "61072819800101940"));
        var receipt = _leads.Declare(new SelfDeclaration("李四", ResidentIdScanner.Valid("61072819800101940"), "13800001111", VillageA, "job_loss", "厂子停工了"), null);
        var staff = VillageStaff(VillageA);

        Assert.Throws<ArgumentException>(() => _leads.Reject(staff, receipt.LeadId, "  "));
        Assert.Equal(LeadStatuses.Pending, _leads.Get(staff, receipt.LeadId)!.Status);
        var auditor = new Caller("shenji", UserRole.Auditor, "610728");
        Assert.Throws<NotPermittedException>(() => _leads.Reject(auditor, receipt.LeadId, "x"));

        var rejected = _leads.Reject(staff, receipt.LeadId, "入户核实：已复工，收入正常")!;
        Assert.Equal((LeadStatuses.Rejected, "入户核实：已复工，收入正常"), (rejected.Status, rejected.Reason));
        Assert.Throws<LeadRejectedException>(() => _leads.Confirm(staff, receipt.LeadId));
        Assert.Equal("入户核实：已复工，收入正常", _leads.Lookup(receipt.ReceiptNo, "1111")!.Reason);
        Assert.Empty(new CaseService(SharedCatalog.Instance, _db.DataSource, null).Store.Log("610728-9201"));
    }

    [Fact]
    public void A_wrong_confirmation_is_voided_on_the_household_and_the_event_taken_back()
    {
        Import(Household("610728-9701", VillageA, "61072819800101971"));
        var receipt = _leads.Declare(new SelfDeclaration("周七", ResidentIdScanner.Valid("61072819800101971"), "13600001111", VillageA, "disaster", "冰雹"), null);
        var confirmed = _leads.Confirm(VillageStaff(VillageA), receipt.LeadId)!;
        var cases = new CaseService(SharedCatalog.Instance, _db.DataSource, null);
        Assert.Single(cases.Store.Load("610728-9701")!.Record.Events!);

        cases.Void("610728-9701", confirmed.History[^1].CaseLogId!.Value, "误认，实为邻户", "村干部", "test", Today);
        Assert.Empty(cases.Store.Load("610728-9701")!.Record.Events ?? []);
        Assert.Equal(LeadStatuses.Confirmed, _leads.Get(VillageStaff(VillageA), receipt.LeadId)!.Status);
    }

    [Fact]
    public void A_bad_check_digit_phone_or_village_is_refused_by_field_in_Chinese()
    {
        var id = ResidentIdScanner.Valid("61072819800101950");
        var wrong = id[..17] + (id[17] == '1' ? '2' : '1');
        var error = Assert.Throws<DeclarationInvalidException>(() =>
            _leads.Declare(new SelfDeclaration("王五", wrong, "12345", "610728999999", "nothing", new string('难', 501)), null));

        Assert.Equal("身份证号最后一位（校验位）不对，请核对后重新填写", error.Problems[DeclarationRules.IdNumberField]);
        Assert.StartsWith("手机号码应为 11 位数字", error.Problems[DeclarationRules.PhoneField], StringComparison.Ordinal);
        Assert.Equal("没有这个村，请从列表中选择", error.Problems[DeclarationRules.VillageField]);
        Assert.Equal("请从列表中选择困难类别", error.Problems[DeclarationRules.KindField]);
        Assert.StartsWith("困难说明最多 500 个字", error.Problems[DeclarationRules.DescriptionField], StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warning_lines_become_leads_once_and_confirming_one_verifies_the_warning()
    {
        const string Warned = "610728-9301";
        var member = ResidentIdScanner.Valid("61072819800101960");
        Import(Household(Warned, VillageB, "61072819800101960"));
        var stranger = ResidentIdScanner.Valid("61072819900101970");
        var lines = $$"""
            {"idNumber": "{{member}}", "date": "2022-05-20", "kind": "serious_illness", "note": "住院费用超 5 万"}
            {"idNumber": "{{stranger}}", "date": "2022-05-21", "kind": "new_dibao"}
            """;
        var first = _deliveries.Import("warn-yiliao", "610728", new DateOnly(2022, 5, 31), new MemoryStream(Encoding.UTF8.GetBytes(lines)), "w.jsonl", "医保局", p => Assert.Fail(p.ToString()));
        Assert.Equal(2, first.LeadsRaised);
        var again = _deliveries.Import("warn-yiliao", "610728", new DateOnly(2022, 5, 31), new MemoryStream(Encoding.UTF8.GetBytes(lines)), "w.jsonl", "医保局", p => Assert.Fail(p.ToString()));
        Assert.True(again.AlreadyDelivered);
        var next = _deliveries.Import("warn-yiliao", "610728", new DateOnly(2022, 6, 10),
            new MemoryStream(Encoding.UTF8.GetBytes(lines + "\n" + $$"""{"idNumber": "{{member}}", "date": "2022-06-08", "kind": "accident"}""" + "\n")), "w2.jsonl", "医保局", p => Assert.Fail(p.ToString()));
        Assert.Equal(1, next.LeadsRaised);
        Assert.Equal(3, Sql.Count(_db.ConnectionString, "SELECT count(*) FROM leads WHERE list_id = 'warn-yiliao'"));

        var county = new Caller("xian", UserRole.County, "610728");
        var warnings = _leads.List(county, null).Where(l => l.ListId == "warn-yiliao").ToList();
        var matched = Assert.Single(warnings, l => l.RaisedOn == new DateOnly(2022, 5, 20));
        Assert.Equal((Warned, VillageB, "m1", first.DeliveryId, 1), (matched.HouseholdId, matched.VillageCode, matched.MemberId, matched.DeliveryId, matched.LineNo));
        var unmatched = Assert.Single(warnings, l => l.RaisedOn == new DateOnly(2022, 5, 21));
        Assert.Null(unmatched.VillageCode);
        Assert.DoesNotContain(_leads.List(new Caller("zhen", UserRole.Town, "610728001"), null), l => l.Id == unmatched.Id);
        Assert.DoesNotContain(_leads.List(VillageStaff(VillageA), null), l => l.Id == matched.Id);

        Assert.Contains("DEPT-WARNING-UNVERIFIED", Fired(Warned, Night(Today)));
        _leads.Confirm(VillageStaff(VillageB), matched.Id);
        var recorded = new CaseService(SharedCatalog.Instance, _db.DataSource, null).Store.Load(Warned)!.Record.Events!;
        Assert.Contains(recorded, e => e.Kind == "department_warning" && e.Date == new DateOnly(2022, 5, 20));
        Assert.DoesNotContain("DEPT-WARNING-UNVERIFIED", Fired(Warned, Night(Today.AddDays(1))));
        Assert.Throws<LeadRejectedException>(() => _leads.Confirm(county, unmatched.Id));
    }

    [Fact]
    public void A_village_report_needs_a_household_of_the_village()
    {
        Import(Household("610728-9401", VillageA, "61072819800101980"));
        var staff = VillageStaff(VillageA);
        var lead = _leads.Report(staff, VillageA, "610728-9401", "住房", "雨季房屋漏水");
        Assert.Equal((LeadSourceKinds.VillageReport, "housing", "610728-9401"), (lead.Source, lead.DifficultyKind, lead.HouseholdId));
        Assert.Throws<LeadRejectedException>(() => _leads.Report(staff, VillageA, "610728-0000", "housing", "x"));
        Assert.Throws<LeadRejectedException>(() => _leads.Report(VillageStaff(VillageB), VillageB, "610728-9401", "housing", "x"));
        Assert.Throws<DeclarationInvalidException>(() => _leads.Report(staff, VillageA, "610728-9401", "住方", "x"));
    }

    [Theory]
    [InlineData("UPDATE leads SET description = 'x'")]
    [InlineData("DELETE FROM leads")]
    [InlineData("UPDATE lead_status SET status = 'confirmed'")]
    [InlineData("DELETE FROM lead_status")]
    [InlineData("TRUNCATE lead_status")]
    public void Leads_and_their_status_history_are_append_only(string sql)
    {
        Import(Household("610728-9501", VillageA, "61072819800101990"));
        _leads.Declare(new SelfDeclaration("赵六", ResidentIdScanner.Valid("61072819800101990"), "13700001111", VillageA, "other", "说明"), null);
        var before = Sql.Count(_db.ConnectionString, "SELECT count(*) FROM lead_status");
        using var connection = new NpgsqlConnection(_db.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        var error = Assert.Throws<PostgresException>(() => command.ExecuteNonQuery());
        Assert.Equal("42501", error.SqlState);
        Assert.Equal(before, Sql.Count(_db.ConnectionString, "SELECT count(*) FROM lead_status"));
    }
}
