using Microsoft.EntityFrameworkCore;
using Npgsql;
using Monitoring.Store.Schema;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Store;

/// <summary>The schema on a real PostgreSQL: migrations apply and re-apply, and stored evidence cannot be edited.</summary>
public sealed class StoreSchemaTests : IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _db;

    public StoreSchemaTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    [Fact]
    public void Migrating_again_changes_nothing()
    {
        using var context = _db.Context();
        Assert.Empty(context.Database.GetPendingMigrations());
        context.Database.Migrate();
        Assert.Equal(context.Database.GetMigrations(), context.Database.GetAppliedMigrations());
    }

    [Theory]
    [InlineData("UPDATE findings SET rule_id = 'X'")]
    [InlineData("DELETE FROM findings")]
    [InlineData("TRUNCATE findings CASCADE")]
    [InlineData("UPDATE household_versions SET record = '{}'::jsonb")]
    [InlineData("DELETE FROM household_outcomes")]
    [InlineData("UPDATE household_outcomes SET candidate_type = NULL")]
    [InlineData("TRUNCATE household_outcomes CASCADE")]
    [InlineData("DELETE FROM run_counts")]
    [InlineData("UPDATE case_log SET actor = 'x'")]
    [InlineData("DELETE FROM case_log")]
    public async Task Stored_findings_cannot_be_changed_or_removed(string sql)
    {
        var runId = await SeedFinding();
        await using var connection = new NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42501", error.SqlState);
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM findings WHERE run_id = {runId}", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    private async Task<long> SeedFinding()
    {
        await using var context = _db.Context();
        var hash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        context.HouseholdVersions.Add(new HouseholdVersion { Hash = hash, HouseholdId = "610728-0001", Record = "{\"id\":\"610728-0001\"}" });
        var run = new EvaluationRun
        {
            AsOf = new DateOnly(2022, 6, 30),
            Profile = "cn-national",
            RulesVersion = "test",
            Mode = "full",
            Status = "completed",
            StartedAt = DateTimeOffset.UtcNow,
            Host = Environment.MachineName,
        };
        context.EvaluationRuns.Add(run);
        await context.SaveChangesAsync();
        context.Findings.Add(new StoredFinding
        {
            RunId = run.Id,
            HouseholdId = "610728-0001",
            RuleId = "INC-BELOW-LINE",
            Severity = "risk",
            AsOf = run.AsOf,
            RuleVersion = "0123456789abcdef",
            Profile = "cn-national",
            HouseholdHash = hash,
            Finding = "{\"ruleId\":\"INC-BELOW-LINE\"}",
        });
        context.Outcomes.Add(new StoredOutcome
        {
            RunId = run.Id, HouseholdId = "610728-0001", Profile = "cn-national", HouseholdHash = hash, OutcomeHash = new string('0', 64),
            CandidateType = "marginal", FindingsCount = 1,
        });
        context.RunCounts.Add(new RunCount { RunId = run.Id, Kind = "rule", Key = "INC-BELOW-LINE", Count = 1 });
        context.CaseLog.Add(new CaseLogEntry
        {
            HouseholdId = "610728-0001", Command = "open", Payload = "{\"date\":\"2022-06-01\"}", Actor = "测试", Client = "test", ResultingHash = hash,
        });
        await context.SaveChangesAsync();
        return run.Id;
    }
}
