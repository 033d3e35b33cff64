using System.Text;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Generation;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;
using Monitoring.Store.Exporting;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Store;

/// <summary>
/// DATA-DUPLICATE-PERSON in incremental nights: a person added to or removed from one household re-evaluates the other
/// households of that person (and the findings equal a full run's), while households that share a person are left alone
/// on nights when none of them changed.
/// </summary>
public sealed class SharedPersonIncrementalTests : IClassFixture<PostgresFixture>, IDisposable
{
    private const string Profile = "shaanxi-zhenba-2021";
    private const string Rule = "DATA-DUPLICATE-PERSON";
    private static readonly DateOnly FirstNight = new(2022, 6, 7);

    private readonly PostgresFixture _incremental;
    private readonly PostgresFixture _full;

    public SharedPersonIncrementalTests(PostgresFixture db)
    {
        _incremental = db.Migrated();
        _full = new PostgresFixture().Migrated();
    }

    public void Dispose() => _full.Dispose();

    [Fact]
    public void A_shared_person_re_evaluates_its_other_households_only_when_one_of_them_changes()
    {
        var households = new HouseholdGenerator(21, FirstNight).GenerateMany(60).ToList();
        households[1].Members![^1].IdNumber = households[0].Members![^1].IdNumber;
        Import([.. households], FirstNight);
        Night(FirstNight);
        Assert.Equal(["610728-000001", "610728-000002"], HouseholdsWithRule(_incremental));

        // An unrelated household changes: the two sharing households are not due for that.
        var second = FirstNight.AddDays(1);
        (households[10].Visits ??= []).Add(second);
        Import([households[10]], second);
        var dueByDate = Sql.Count(_incremental.ConnectionString,
            $"SELECT count(*) FROM household_evaluation_states WHERE profile = '{Profile}' AND next_change_on <= '{second:yyyy-MM-dd}' AND household_id <> '{households[10].Id}'");
        var evaluated = Night(second);
        Assert.Equal(1 + dueByDate, evaluated);

        // The person leaves household 2: household 1, unchanged, loses its finding on the same night.
        var third = second.AddDays(1);
        households[1].Members![^1].IdNumber = FreshId(households[1].Members![^1].IdNumber!);
        Import([households[1]], third);
        Night(third);
        Assert.Empty(HouseholdsWithRule(_incremental));

        // A person of household 6 is recorded in household 4 too: household 6, unchanged, gets the finding.
        var fourth = third.AddDays(1);
        households[3].Members![^1].IdNumber = households[5].Members![^1].IdNumber;
        Import([households[3]], fourth);
        Night(fourth);
        Assert.Equal(["610728-000004", "610728-000006"], HouseholdsWithRule(_incremental));
    }

    /// <summary>Runs the night on both stores and checks the incremental findings equal the full ones; returns how many households the incremental run evaluated.</summary>
    private long Night(DateOnly night)
    {
        var ruleSet = SharedCatalog.Instance.ForProfile(Profile);
        var incremental = new NightlyRunner(_incremental.DataSource, ruleSet).Run(night);
        var full = new NightlyRunner(_full.DataSource, ruleSet).Run(night, full: true);
        var expected = new FindingsExporter(_full.DataSource).Findings(full.RunId, null).ToList();
        var actual = new FindingsExporter(_incremental.DataSource).Findings(incremental.RunId, null).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(night == FirstNight, incremental.Plan.IsFull);
        return incremental.HouseholdsEvaluated;
    }

    /// <summary>The households with the rule's finding in force after the latest run.</summary>
    private static List<string> HouseholdsWithRule(PostgresFixture db)
    {
        var run = Sql.Count(db.ConnectionString, "SELECT max(id) FROM evaluation_runs WHERE status = 'completed'");
        var exported = new FindingsExporter(db.DataSource).Findings(run, null);
        return [.. exported.Where(f => f.Contains($"\"ruleId\":\"{Rule}\"", StringComparison.Ordinal))
            .Select(f => System.Text.Json.JsonDocument.Parse(f).RootElement.GetProperty("householdId").GetString()!).Order(StringComparer.Ordinal)];
    }

    private void Import(List<HouseholdRecord> households, DateOnly night)
    {
        foreach (var db in new[] { _incremental, _full })
        {
            var lines = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', households.Select(HouseholdJsonLines.Serialize))));
            var result = new HouseholdImporter(db.DataSource).ImportJsonLines(lines, night, ImportSource.Unnamed, p => Assert.Fail($"{night:yyyy-MM-dd} {p}"));
            Assert.True(result.Committed);
        }
    }

    /// <summary>Another valid resident ID of the same person's birth date and sex (sequence moved on by 500).</summary>
    private static string FreshId(string id)
    {
        var sequence = (int.Parse(id.AsSpan(14, 3), System.Globalization.CultureInfo.InvariantCulture) + 500) % 1000;
        var first17 = string.Concat(id.AsSpan(0, 14), sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture));
        return first17 + ResidentIdNumber.CheckDigit(first17);
    }
}
