using System.Diagnostics;
using System.Text;
using Monitoring.Engine.Generation;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Output;

/// <summary>Output files appear only when complete: a killed <c>export-findings</c> leaves nothing at the final path.</summary>
public sealed class KilledExportTests : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);
    private readonly PostgresFixture _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("monitoring-export-").FullName;

    public KilledExportTests(PostgresFixture db) => _db = db.Migrated();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_export_killed_mid_write_leaves_no_file_and_the_next_export_removes_its_temporary_file()
    {
        var lines = new HouseholdGenerator(5, AsOf).GenerateMany(20_000).Select(HouseholdJsonLines.Serialize);
        var imported = new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), AsOf, p => Assert.Fail(p.ToString()));
        Assert.True(imported.Committed);
        new NightlyRunner(_db.DataSource, SharedCatalog.Instance.ForProfile("cn-national")).Run(AsOf);

        var target = Path.Combine(_dir, "findings.jsonl");
        using (var export = WorkerProcess.Start("export-findings", "--output", target, "--connection", _db.ConnectionString))
        {
            var watch = Stopwatch.StartNew();
            while (Temporary().Length == 0)
            {
                Assert.False(export.HasExited, $"the export finished before it could be killed: {WorkerProcess.Errors(export)}");
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the export never started writing");
                Thread.Sleep(2);
            }

            export.Kill();
            export.WaitForExit();
        }

        Assert.False(File.Exists(target), "a killed export left a file at the final path");
        Assert.Single(Temporary());

        var (exit, stdout, stderr) = CliProcess.Run("export-findings", "--output", target, "--connection", _db.ConnectionString);
        Assert.True(exit == 0, stderr + stdout);
        Assert.Empty(Temporary());
        var exported = File.ReadAllLines(target);
        Assert.Equal(Sql.Count(_db.ConnectionString, "SELECT findings_count FROM evaluation_runs WHERE status = 'completed'"), exported.Length);
    }

    private string[] Temporary() => Directory.GetFiles(_dir, "findings.jsonl.monitoring-*.tmp");
}
