using System.Diagnostics;
using Monitoring.Engine.Generation;
using Monitoring.Tests.Support;
using Monitoring.Store.Schema;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Store;

/// <summary>Two worker services sharing one clustered Quartz schedule on the same PostgreSQL.</summary>
public sealed class ClusteredWorkersTests : IClassFixture<PostgresFixture>
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);
    private readonly PostgresFixture _db;

    public ClusteredWorkersTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    [Fact]
    public void Two_workers_started_together_run_the_nightly_batch_once()
    {
        // A one-shot schedule far enough ahead that both workers are up on a loaded machine (a time already passed never fires).
        var fire = DateTimeOffset.UtcNow.AddSeconds(45);
        var cron = $"{fire.Second} {fire.Minute} {fire.Hour} {fire.Day} {fire.Month} ? {fire.Year}";
        var before = Scalar("SELECT count(*) FROM evaluation_runs");
        using var first = WorkerProcess.Start("service", "--no-web", "--cron", cron, "--time-zone", "UTC", "--connection", _db.ConnectionString);
        using var second = WorkerProcess.Start("service", "--no-web", "--cron", cron, "--time-zone", "UTC", "--connection", _db.ConnectionString);
        try
        {
            var watch = Stopwatch.StartNew();
            while (Scalar("SELECT count(*) FROM evaluation_runs WHERE status = 'completed'") == Scalar("SELECT count(*) FROM evaluation_runs WHERE status = 'completed' AND started_at < now() - interval '10 minutes'") && watch.Elapsed < TimeSpan.FromSeconds(150))
            {
                if (first.HasExited && second.HasExited)
                {
                    Assert.Fail("both workers exited: " + WorkerProcess.Errors(first));
                }

                Thread.Sleep(200);
            }

            Thread.Sleep(5000);
            Assert.Equal(before + 1, Scalar("SELECT count(*) FROM evaluation_runs"));
            Assert.Equal(DateOnly.FromDateTime(fire.UtcDateTime), (DateOnly)ScalarObject("SELECT as_of FROM evaluation_runs ORDER BY id DESC LIMIT 1")!);
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            second.Kill(entireProcessTree: true);
        }
    }

    private long Scalar(string sql) => Sql.Count(_db.ConnectionString, sql);

    private object? ScalarObject(string sql) => Sql.Value(_db.ConnectionString, sql);
}
