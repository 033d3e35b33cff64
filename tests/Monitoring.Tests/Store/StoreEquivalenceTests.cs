using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Engine.Generation;
using Monitoring.Tests.Support;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Store;

/// <summary>On its own database: the store path gives byte for byte what <c>evaluate</c> gives for the same records.</summary>
public sealed class StoreEquivalenceTests : IClassFixture<PostgresFixture>
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);
    private readonly PostgresFixture _db;

    public StoreEquivalenceTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    [Fact]
    public void Imported_households_run_and_export_exactly_as_evaluate_writes_them()
    {
        var lines = new HouseholdGenerator(5, AsOf).GenerateMany(300).Select(HouseholdJsonLines.Serialize).ToList();
        var imported = new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), AsOf, p => Assert.Fail(p.ToString()));
        Assert.True(imported.Committed);

        var ruleSet = SharedCatalog.Instance.ForProfile("shaanxi-zhenba-2021");
        var run = new NightlyRunner(_db.DataSource, ruleSet).Run(AsOf);
        var exported = new FindingsExporter(_db.DataSource).Findings(run.RunId, null).ToList();

        var (expected, problems, _) = Evaluate.Lines(lines, AsOf, "shaanxi-zhenba-2021");
        Assert.Empty(problems);
        Assert.Equal(expected.Select(f => f.GetRawText()), exported);
        Assert.Equal(exported.Count, run.NewFindings);
        Assert.Equal("completed", new FindingsExporter(_db.DataSource).RunStatus(run.RunId));

        var village = exported.Select(f => JsonNode.Parse(f)!["villageCode"]!.GetValue<string>()).First();
        Assert.All(new FindingsExporter(_db.DataSource).Findings(run.RunId, village), f => Assert.Contains(village, f, StringComparison.Ordinal));
    }

}
