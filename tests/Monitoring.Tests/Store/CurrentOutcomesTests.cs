using System.Text;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Generation;
using Monitoring.Engine.Records;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Store;

/// <summary>
/// The read model <c>current_outcomes</c> (the review list's source) equals the outcomes in force after incremental, full
/// and past-night runs, and a run that fails before its commit leaves it as it was.
/// </summary>
public sealed class CurrentOutcomesTests : IClassFixture<PostgresFixture>
{
    private const string Profile = "shaanxi-zhenba-2021";
    private static readonly DateOnly FirstNight = new(2022, 6, 1);
    private readonly PostgresFixture _db;

    public CurrentOutcomesTests(PostgresFixture db) => _db = db.Migrated();

    [Fact]
    public void The_read_model_follows_committed_runs_only_and_equals_the_outcomes_in_force()
    {
        var ruleSet = SharedCatalog.Instance.ForProfile(Profile);
        var households = new HouseholdGenerator(31, FirstNight).GenerateMany(120).ToList();
        Import(households, FirstNight);
        new NightlyRunner(_db.DataSource, ruleSet).Run(FirstNight);
        CurrentOutcomesOracle.AssertMatches(_db.ConnectionString, "first night");
        Assert.True(Sql.Count(_db.ConnectionString, "SELECT count(*) FROM current_outcomes WHERE candidate_type IS NOT NULL") > 0, "no candidates to list");
        Assert.Equal(households.Count, Sql.Count(_db.ConnectionString, "SELECT count(*) FROM current_outcomes"));

        // New data for a third of the households, so the next night records new outcomes for some of them.
        var regenerated = new HouseholdGenerator(32, FirstNight.AddDays(1));
        var changed = households.Where((_, i) => i % 3 == 0).Select((h, i) => { var other = regenerated.Generate(i); other.Id = h.Id; return other; }).ToList();
        Import(changed, FirstNight.AddDays(1), allowRemovals: true);
        var before = CurrentOutcomesOracle.Snapshot(_db.ConnectionString);

        // A run that fails after its outcomes and the read model are written, before its commit: nothing of it remains.
        var failing = new NightlyRunner(_db.DataSource, ruleSet)
        {
            OnStage = (stage, _) =>
            {
                if (stage == "统计与分析")
                {
                    throw new InvalidOperationException("stopped before the commit");
                }
            },
        };
        Assert.Throws<NightlyRunFailedException>(() => failing.Run(FirstNight.AddDays(1)));
        Assert.Equal(before, CurrentOutcomesOracle.Snapshot(_db.ConnectionString));

        var incremental = new NightlyRunner(_db.DataSource, ruleSet).Run(FirstNight.AddDays(1));
        Assert.False(incremental.Plan.IsFull);
        Assert.True(incremental.OutcomesRecorded > 0, "the changed households recorded no new outcome");
        Assert.NotEqual(before, CurrentOutcomesOracle.Snapshot(_db.ConnectionString));
        CurrentOutcomesOracle.AssertMatches(_db.ConnectionString, "incremental night");
        // A household whose outcome changed on the second night is flagged since then; the others keep the first night.
        Assert.True(Sql.Count(_db.ConnectionString, $"SELECT count(*) FROM current_outcomes WHERE run_id = {incremental.RunId} AND flagged_since = '2022-06-02'") > 0);

        new NightlyRunner(_db.DataSource, ruleSet).Run(FirstNight.AddDays(2), full: true);
        CurrentOutcomesOracle.AssertMatches(_db.ConnectionString, "full night");

        // A past night's run is not a night in force: the read model stays as the nights in force left it.
        var inForce = CurrentOutcomesOracle.Snapshot(_db.ConnectionString);
        var past = new NightlyRunner(_db.DataSource, ruleSet).Run(FirstNight);
        Assert.True(past.Plan.PointInTime);
        Assert.Equal(inForce, CurrentOutcomesOracle.Snapshot(_db.ConnectionString));
        CurrentOutcomesOracle.AssertMatches(_db.ConnectionString, "after a past night");
    }

    private void Import(IEnumerable<HouseholdRecord> households, DateOnly night, bool allowRemovals = false)
    {
        var text = string.Join('\n', households.Select(HouseholdJsonLines.Serialize));
        var result = new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(text)), night,
            ImportSource.Unnamed with { AllowRemovals = allowRemovals }, p => Assert.Fail(p.ToString()));
        Assert.True(result.Committed);
    }
}
