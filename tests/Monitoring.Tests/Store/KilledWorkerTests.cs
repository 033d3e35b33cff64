using System.Diagnostics;
using System.Text;
using Monitoring.Engine.Generation;
using Monitoring.Tests.Support;
using Monitoring.Store.Schema;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Store;

/// <summary>A real worker process against a real PostgreSQL, killed (SIGKILL) in the middle of a run.</summary>
public sealed class KilledWorkerTests : IClassFixture<PostgresFixture>
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);
    private readonly PostgresFixture _db;

    public KilledWorkerTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    [Fact]
    public void A_worker_killed_mid_run_leaves_no_complete_run_and_the_rerun_loses_and_duplicates_nothing()
    {
        var lines = new HouseholdGenerator(9, AsOf).GenerateMany(40_000).Select(HouseholdJsonLines.Serialize).ToList();
        var imported = new HouseholdImporter(_db.DataSource).ImportJsonLines(
            new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), AsOf, p => Assert.Fail(p.ToString()));
        Assert.True(imported.Committed);

        using var worker = WorkerProcess.Start("run-nightly", "--as-of", "2022-06-30", "--connection", _db.ConnectionString);
        var watch = Stopwatch.StartNew();
        while (Scalar("SELECT count(*) FROM evaluation_runs WHERE status = 'running'") == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the run never started");
            Assert.False(worker.HasExited, "the worker finished before it could be killed");
            Thread.Sleep(20);
        }

        Thread.Sleep(300);
        worker.Kill(entireProcessTree: true);
        worker.WaitForExit();

        Assert.Equal(0, Scalar("SELECT count(*) FROM evaluation_runs WHERE status = 'completed'"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM findings"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM household_outcomes"));

        var rerun = new NightlyRunner(_db.DataSource, SharedCatalog.Instance.ForProfile("cn-national")).Run(AsOf);
        Assert.Equal(1, Scalar("SELECT count(*) FROM evaluation_runs WHERE status = 'failed'"));
        var (expected, _, _) = Evaluate.Lines(lines, AsOf);
        Assert.Equal(expected.Count, Scalar($"SELECT count(*) FROM findings WHERE run_id = {rerun.RunId}"));
        Assert.Equal(expected.Count, Scalar($"SELECT count(DISTINCT (household_id, rule_id)) FROM findings WHERE run_id = {rerun.RunId}"));
        Assert.Equal(expected.Select(f => f.GetRawText()), new FindingsExporter(_db.DataSource).Findings(rerun.RunId, null));
    }

    private long Scalar(string sql) => Sql.Count(_db.ConnectionString, sql);

    private object? ScalarObject(string sql) => Sql.Value(_db.ConnectionString, sql);
}
