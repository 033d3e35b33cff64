using System.Text;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Tests.Support;
using Npgsql;

namespace Monitoring.Tests.Store;

/// <summary>A night survives one bad stored record: that household is set aside, named, stored with the run; the rest are evaluated.</summary>
public sealed class SetAsideTests : IClassFixture<PostgresFixture>
{
    private static readonly DateOnly AsOf = new(2022, 3, 31);
    private static readonly string[] Ids = ["610728-7001", "610728-7002", "610728-7003"];
    private readonly PostgresFixture _db;

    public SetAsideTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    [Fact]
    public void A_household_whose_record_fails_on_the_as_of_is_set_aside_and_the_run_completes()
    {
        var lines = Ids.Select(id =>
        {
            var household = SampleHousehold.Create(id);
            household["members"]![0]!["medicalInsurance"] = false;
            return SampleHousehold.Line(household);
        }).ToList();
        Assert.True(new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), AsOf,
            p => Assert.Fail(p.ToString())).Committed);

        // A record stored by an earlier release (no check on the as-of then): a visit dated after the night evaluated.
        var bad = SampleHousehold.Create("610728-7002");
        bad["visits"] = new System.Text.Json.Nodes.JsonArray("2021-07-10", "2021-10-10", "2022-05-01");
        StoreDirectly(bad);

        var ruleSet = SharedCatalog.Instance.ForProfile("cn-national");
        var run = new NightlyRunner(_db.DataSource, ruleSet).Run(AsOf, full: true);

        var setAside = Assert.Single(run.SetAside);
        Assert.Equal("610728-7002", setAside.HouseholdId);
        Assert.Equal("visits[2]", setAside.Field);
        Assert.Contains("晚于评估日 2022-03-31", setAside.Reason, StringComparison.Ordinal);
        Assert.Equal(1, run.HouseholdsSetAside);
        Assert.Equal(2, run.HouseholdsEvaluated);
        Assert.Equal("completed", Sql.Value(_db.ConnectionString, $"SELECT status FROM evaluation_runs WHERE id = {run.RunId}"));
        Assert.Equal(1L, Sql.Count(_db.ConnectionString, $"SELECT set_aside_count FROM evaluation_runs WHERE id = {run.RunId}"));
        Assert.Equal("610728-7002 visits[2]", Sql.Value(_db.ConnectionString, $"SELECT household_id || ' ' || field FROM run_set_aside WHERE run_id = {run.RunId}"));
        // The two others were evaluated and their findings stored.
        Assert.Equal(2L, Sql.Count(_db.ConnectionString, $"SELECT count(DISTINCT household_id) FROM findings WHERE run_id = {run.RunId} AND rule_id = 'MED-UNINSURED'"));
        Assert.Equal(0L, Sql.Count(_db.ConnectionString, $"SELECT count(*) FROM findings WHERE run_id = {run.RunId} AND household_id = '610728-7002'"));

        // The set-aside household stays due: the next incremental night tries it again and sets it aside again.
        var next = new NightlyRunner(_db.DataSource, ruleSet).Run(AsOf);
        Assert.Equal(RunPlan.Incremental, next.Plan.Mode);
        Assert.Equal("610728-7002", Assert.Single(next.SetAside).HouseholdId);
    }

    private void StoreDirectly(System.Text.Json.Nodes.JsonObject record)
    {
        var text = SampleHousehold.Line(record);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        using var connection = _db.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            INSERT INTO household_versions (hash, household_id, record, first_seen_at) VALUES (@hash, @id, @record::jsonb, now());
            UPDATE households SET current_hash = @hash WHERE id = @id;
            """, connection);
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.AddWithValue("id", (string)record["id"]!);
        command.Parameters.AddWithValue("record", text);
        command.ExecuteNonQuery();
    }
}
