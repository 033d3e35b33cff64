using System.Text;
using Monitoring.Engine.Generation;
using Monitoring.Store.Exporting;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Replay;
using Monitoring.Store.RuleSets;
using Monitoring.Store.Runs;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Store;

/// <summary>A run over an earlier as-of evaluates each household as described on that date, and gives that night's findings.</summary>
public sealed class PointInTimeRunTests : IClassFixture<PostgresFixture>
{
    private const string Profile = "cn-national";
    private readonly PostgresFixture _db;

    public PointInTimeRunTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    [Fact]
    public void A_past_night_sees_the_records_described_by_then_and_leaves_later_nights_alone()
    {
        var march = new DateOnly(2022, 3, 31);
        var june = new DateOnly(2022, 6, 30);
        var early = new HouseholdGenerator(21, march).GenerateMany(40).ToList();
        var late = new HouseholdGenerator(22, june).GenerateRange(1000, 10).ToList();
        // Ten of the early households described again in June (other data under the same id).
        var changed = new HouseholdGenerator(23, june).GenerateRange(2000, 10).Select((h, i) => { h.Id = early[i].Id; return h; }).ToList();
        Assert.DoesNotContain(late, h => early.Exists(e => e.Id == h.Id));
        Import(early, march);
        Import([.. late, .. changed], june);
        var ruleSet = SharedCatalog.Instance.ForProfile(Profile);

        var juneRun = new NightlyRunner(_db.DataSource, ruleSet).Run(june);
        var marchRun = new NightlyRunner(_db.DataSource, ruleSet).Run(march);

        Assert.True(marchRun.Plan.PointInTime);
        Assert.True(marchRun.Plan.IsFull);
        Assert.Equal(early.Count, marchRun.HouseholdsInStore);
        var (expected, _, _) = Evaluate.Lines(early.Select(HouseholdJsonLines.Serialize), march, Profile);
        var exporter = new FindingsExporter(_db.DataSource);
        Assert.Equal(expected.Select(f => f.GetRawText()), exporter.Findings(marchRun.RunId, null));
        Assert.True(Sql.Value(_db.ConnectionString, $"SELECT point_in_time FROM evaluation_runs WHERE id = {marchRun.RunId}") is true);

        // The nights in force are untouched: the next night is incremental after June, and June's export is unchanged.
        var juneFindings = exporter.Findings(juneRun.RunId, null).ToList();
        var july = new NightlyRunner(_db.DataSource, ruleSet).Run(june.AddDays(1));
        Assert.Equal(RunPlan.Incremental, july.Plan.Mode);
        Assert.Equal(juneRun.RunId, july.PreviousRunId);
        Assert.Equal(juneFindings, exporter.Findings(juneRun.RunId, null));
        var (expectedJuly, _, _) = Evaluate.Lines(late.Concat(changed).Concat(early.Skip(10)).Select(HouseholdJsonLines.Serialize), june.AddDays(1), Profile);
        Assert.Equal(expectedJuly.Select(f => f.GetRawText()), exporter.Findings(july.RunId, null));

        // Each night replays as it was: the March version in March, the June version after.
        var runs = new RunQueries(_db.DataSource, exporter);
        var replay = new ReplayService(_db.DataSource, new RuleSetArchive(_db.DataSource, TimeProvider.System), runs, exporter);
        var march0 = replay.Replay(marchRun.RunId, early[0].Id!);
        var july0 = replay.Replay(july.RunId, early[0].Id!);
        Assert.True(march0.Reproduced);
        Assert.True(july0.Reproduced);
        Assert.NotEqual(march0.HouseholdHash, july0.HouseholdHash);
        Assert.Equal(HouseholdJsonLines.Serialize(early[0]), HouseholdJsonLines.Serialize(march0.Record));
        Assert.Throws<ReplayRefusedException>(() => replay.Replay(marchRun.RunId, late[0].Id!));
    }

    private void Import(IEnumerable<Monitoring.Engine.Records.HouseholdRecord> households, DateOnly describedOn)
    {
        var text = string.Join('\n', households.Select(HouseholdJsonLines.Serialize)) + "\n";
        Assert.True(new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(text)), describedOn,
            ImportSource.Unnamed with { AllowRemovals = true }, p => Assert.Fail(p.ToString())).Committed); // other data under the same ids: removals intended
    }
}
