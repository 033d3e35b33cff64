using Monitoring.Store;
using System.Diagnostics;
using System.Text;
using Monitoring.Engine.Generation;
using Monitoring.Tests.Support;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Store;

/// <summary>The database connection dropped in the middle of a run: a clear error, the run marked failed, nothing committed.</summary>
public sealed class ConnectionLossTests : IClassFixture<PostgresFixture>
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);
    private readonly PostgresFixture _db;

    public ConnectionLossTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    [Fact]
    public void A_run_whose_connection_is_terminated_fails_cleanly_without_partial_results()
    {
        var lines = new HouseholdGenerator(3, AsOf).GenerateMany(40_000).Select(HouseholdJsonLines.Serialize);
        new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), AsOf, p => Assert.Fail(p.ToString()));

        var runConnection = _db.ConnectionString + ";Application Name=monitoring-connection-loss-test";
        using var runSource = StoreDataSource.Create(runConnection);
        var runner = new NightlyRunner(runSource, SharedCatalog.Instance.ForProfile("cn-national"));
        var run = Task.Run(() => runner.Run(AsOf));
        var watch = Stopwatch.StartNew();
        long terminated = 0;
        while (terminated == 0 && !run.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            terminated = Sql.Count(_db.ConnectionString, """
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE application_name = 'monitoring-connection-loss-test' AND backend_xid IS NOT NULL
                """);
            Thread.Sleep(10);
        }

        Assert.True(terminated > 0, "the run's transaction was never seen");
        var error = Assert.Throws<NightlyRunFailedException>(() => run.GetAwaiter().GetResult());
        Assert.Contains("未提交任何结果", error.Message, StringComparison.Ordinal);
        Assert.Matches("数据库连接被服务器终止|与数据库的连接已中断", error.Message);
        Assert.DoesNotContain("Object reference", error.Message, StringComparison.Ordinal);
        Assert.Equal("failed", Sql.Value(_db.ConnectionString, "SELECT status FROM evaluation_runs ORDER BY id DESC LIMIT 1"));
        Assert.Equal(0, Sql.Count(_db.ConnectionString, "SELECT count(*) FROM findings"));
        Assert.Equal(0, Sql.Count(_db.ConnectionString, "SELECT count(*) FROM household_outcomes"));
    }
}
