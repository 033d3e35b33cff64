using System.Text;
using Monitoring.Engine.Generation;
using Monitoring.Engine.Records;
using Monitoring.Tests.Support;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Store;

/// <summary>
/// Incremental nightly runs against full ones, on two databases fed the same generated households and the same
/// daily changes (new events, visits, helper changes, whole new records) for five weeks across a month and quarter
/// boundary: every night both export exactly the same findings and report the same totals.
/// </summary>
public sealed class IncrementalRunTests : IClassFixture<PostgresFixture>, IDisposable
{
    private const string Profile = "shaanxi-zhenba-2021";
    private const int Households = 300;
    private static readonly DateOnly FirstNight = new(2022, 6, 1);
    private static readonly string[] EventKinds = ["disaster", "serious_illness", "job_loss", "self_declared", "department_warning", "accident"];

    private readonly PostgresFixture _incremental;
    private readonly PostgresFixture _full;

    public IncrementalRunTests(PostgresFixture db)
    {
        _incremental = db.Migrated();
        _full = new PostgresFixture().Migrated();
    }

    public void Dispose() => _full.Dispose();

    [Fact]
    public void Five_weeks_of_incremental_nights_give_the_findings_of_full_runs() =>
        IncrementalNightsGiveTheFindingsOfFullRuns(_incremental, _full, Profile, FirstNight, new DateOnly(2022, 7, 5), Households, minIncrementalNights: 30);

    /// <summary>
    /// Catalogue v2's calendar boundaries on generated data with format 1.1 fields: 秀山's weekly and monthly care visits and
    /// the month-after deadline; 镇巴's half-months, the 10-31 screening window and repair deadline.
    /// </summary>
    [Theory]
    [InlineData("chongqing-xiushan-2022", "2022-10-24", "2022-11-08", 150, 12)]
    [InlineData("shaanxi-zhenba-2021", "2022-10-27", "2022-11-03", 150, 6)]
    public void Incremental_nights_across_weeks_and_the_october_deadlines_give_the_findings_of_full_runs(string profile, string first, string last, int households, int minIncrementalNights)
    {
        using var incremental = new PostgresFixture().Migrated();
        IncrementalNightsGiveTheFindingsOfFullRuns(incremental, _full, profile, DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), households, minIncrementalNights);
    }

    private static void IncrementalNightsGiveTheFindingsOfFullRuns(PostgresFixture incrementalDb, PostgresFixture fullDb, string profile, DateOnly firstNight, DateOnly lastNight,
        int count, int minIncrementalNights)
    {
        var ruleSet = SharedCatalog.Instance.ForProfile(profile);
        var households = new HouseholdGenerator(11, firstNight).GenerateMany(count).ToList();
        // Children crossing the compulsory-education ages on a quiet night: one turns 6 on 15 June, one 16 on 20 June.
        households[0].Members![^1].BirthDate = new DateOnly(2016, 6, 15);
        households[0].Members![^1].Schooling = "not_enrolled";
        households[1].Members![^1].BirthDate = new DateOnly(2006, 6, 20);
        households[1].Members![^1].Schooling = "not_enrolled";
        Import(incrementalDb, fullDb, households, firstNight);
        long evaluatedIncrementally = 0;
        long inStore = 0;
        var incrementalNights = 0;

        for (var night = firstNight; night <= lastNight; night = night.AddDays(1))
        {
            if (night > firstNight)
            {
                Import(incrementalDb, fullDb, Change(households, night), night);
            }

            var incremental = new NightlyRunner(incrementalDb.DataSource, ruleSet).Run(night);
            var full = new NightlyRunner(fullDb.DataSource, ruleSet).Run(night, full: true);

            Assert.True(full.Plan.IsFull);
            Assert.Equal(count, full.HouseholdsEvaluated);
            var expected = new FindingsExporter(fullDb.DataSource).Findings(full.RunId, null).ToList();
            var actual = new FindingsExporter(incrementalDb.DataSource).Findings(incremental.RunId, null).ToList();
            Assert.True(expected.SequenceEqual(actual), $"{night:yyyy-MM-dd}: {FirstDifference(expected, actual)}");
            Assert.Equal(full.Summary.FindingsByRule, incremental.Summary.FindingsByRule);
            Assert.Equal(full.Summary.CandidatesByType, incremental.Summary.CandidatesByType);
            Assert.Equal(full.NewFindings, incremental.NewFindings);
            Assert.Equal(full.ResolvedFindings, incremental.ResolvedFindings);
            // The review list's read model follows both kinds of run exactly.
            CurrentOutcomesOracle.AssertMatches(incrementalDb.ConnectionString, $"{night:yyyy-MM-dd} incremental");
            CurrentOutcomesOracle.AssertMatches(fullDb.ConnectionString, $"{night:yyyy-MM-dd} full");
            if (!incremental.Plan.IsFull)
            {
                incrementalNights++;
                evaluatedIncrementally += incremental.HouseholdsEvaluated;
                inStore += incremental.HouseholdsInStore;
            }
        }

        // The comparison is only worth something if the incremental side really skipped households.
        Assert.True(incrementalNights >= minIncrementalNights, $"only {incrementalNights} incremental nights");
        Assert.True(evaluatedIncrementally < inStore / 2, $"incremental nights evaluated {evaluatedIncrementally} of {inStore} household-nights");
        // Either way a finding is stored only when a household's outcome changes.
        Assert.Equal(Sql.Count(fullDb.ConnectionString, "SELECT count(*) FROM findings"), Sql.Count(incrementalDb.ConnectionString, "SELECT count(*) FROM findings"));
    }

    [Fact]
    public void A_run_of_another_as_of_before_the_last_one_is_full_and_says_why()
    {
        var ruleSet = SharedCatalog.Instance.ForProfile(Profile);
        var db = new PostgresFixture().Migrated();
        try
        {
            var households = new HouseholdGenerator(12, FirstNight).GenerateMany(50).ToList();
            Assert.True(new HouseholdImporter(db.DataSource).ImportJsonLines(Lines(households), FirstNight, p => Assert.Fail(p.ToString())).Committed);
            var first = new NightlyRunner(db.DataSource, ruleSet).Run(FirstNight);
            var next = new NightlyRunner(db.DataSource, ruleSet).Run(FirstNight.AddDays(5));
            var earlier = new NightlyRunner(db.DataSource, ruleSet).Run(FirstNight.AddDays(2));

            Assert.True(first.Plan.IsFull);
            Assert.False(next.Plan.IsFull);
            Assert.True(earlier.Plan.IsFull);
            Assert.Contains("早于上一批次", earlier.Plan.ReasonZh, StringComparison.Ordinal);
            var (expected, _, _) = Evaluate.Lines(households.Select(HouseholdJsonLines.Serialize), FirstNight.AddDays(2), Profile);
            Assert.Equal(expected.Select(f => f.GetRawText()), new FindingsExporter(db.DataSource).Findings(earlier.RunId, null));
        }
        finally
        {
            db.Dispose();
        }
    }

    /// <summary>About 4% of households change each night, in the ways a county's data changes.</summary>
    private static List<HouseholdRecord> Change(List<HouseholdRecord> households, DateOnly night)
    {
        var random = new Random(night.DayNumber);
        var changed = new List<HouseholdRecord>();
        var regenerated = new HouseholdGenerator(night.DayNumber, night);
        for (var i = 0; i < households.Count; i++)
        {
            if (random.NextDouble() >= 0.04)
            {
                continue;
            }

            var household = households[i];
            switch (random.Next(5))
            {
                case 0:
                    (household.Events ??= []).Add(new EventRecord { Date = night.AddDays(-random.Next(3)), Kind = EventKinds[random.Next(EventKinds.Length)], Note = "测试变化" });
                    break;
                case 1:
                    (household.Visits ??= []).Add(night);
                    break;
                case 2:
                    var other = households[random.Next(households.Count)];
                    household.Helper = other.Helper is null ? null : new HelperRecord { Name = other.Helper.Name, AssignedOn = night };
                    break;
                case 3:
                    household.Members![0].MedicalInsurance = !(household.Members[0].MedicalInsurance ?? true);
                    break;
                default:
                    household = regenerated.Generate(i);
                    households[i] = household;
                    break;
            }

            changed.Add(household);
        }

        return changed;
    }

    private static void Import(PostgresFixture incrementalDb, PostgresFixture fullDb, List<HouseholdRecord> households, DateOnly night)
    {
        foreach (var db in new[] { incrementalDb, fullDb })
        {
            // The generated nights remove members and visits on purpose: the store is told so (--allow-removals).
            var result = new HouseholdImporter(db.DataSource).ImportJsonLines(Lines(households), night, ImportSource.Unnamed with { AllowRemovals = true },
                p => Assert.Fail($"{night:yyyy-MM-dd} {p}"));
            Assert.True(result.Committed);
        }
    }

    private static MemoryStream Lines(IEnumerable<HouseholdRecord> households) =>
        new(Encoding.UTF8.GetBytes(string.Join('\n', households.Select(HouseholdJsonLines.Serialize))));

    private static string FirstDifference(List<string> expected, List<string> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (expected[i] != actual[i])
            {
                return $"full: {expected[i]}\nincremental: {actual[i]}";
            }
        }

        return $"full has {expected.Count} findings, incremental {actual.Count}";
    }
}
