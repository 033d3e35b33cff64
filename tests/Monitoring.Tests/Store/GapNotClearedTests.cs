using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Store.Exporting;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Replay;
using Monitoring.Store.RuleSets;
using Monitoring.Store.Runs;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Store;

/// <summary>
/// PROC-GAP-NOT-CLEARED in the nightly runs (stored mode, like PROC-CANDIDATE-NO-CASE): a 三保障 or water gap that fired on
/// every night since its first one and outlived its deadline is reported with the night and run it was first seen; a gap
/// that went away for a night starts again; incremental nights look again the day after the deadline.
/// </summary>
public sealed class GapNotClearedTests : IClassFixture<PostgresFixture>
{
    private const string Rule = "PROC-GAP-NOT-CLEARED";
    private readonly PostgresFixture _db;

    public GapNotClearedTests(PostgresFixture db)
    {
        _db = db.Migrated();
    }

    [Fact]
    public void A_water_gap_first_seen_in_december_is_reported_on_the_first_night_of_the_next_year_with_its_first_night()
    {
        var ruleSet = SharedCatalog.Instance.ForProfile("cn-national");
        var persistent = Household("610728-7001", badWater: true);
        var fixedForANight = Household("610728-7002", badWater: true);
        var clean = Household("610728-7003", badWater: false);

        Import([persistent, fixedForANight, clean], new DateOnly(2022, 12, 30));
        var first = new NightlyRunner(_db.DataSource, ruleSet).Run(new DateOnly(2022, 12, 30), full: true);
        Import([persistent, Household("610728-7002", badWater: false), clean], new DateOnly(2022, 12, 31));
        var second = new NightlyRunner(_db.DataSource, ruleSet).Run(new DateOnly(2022, 12, 31));
        Assert.DoesNotContain(Findings(second.RunId), f => f.RuleId == Rule);

        Import([persistent, fixedForANight, Household("610728-7003", badWater: true)], new DateOnly(2023, 1, 1));
        var third = new NightlyRunner(_db.DataSource, ruleSet).Run(new DateOnly(2023, 1, 1));
        Assert.False(third.Plan.IsFull);

        var findings = Findings(third.RunId).Where(f => f.HouseholdId.StartsWith("610728-70", StringComparison.Ordinal)).ToList();
        var gap = Assert.Single(findings, f => f.RuleId == Rule);
        Assert.Equal("610728-7001", gap.HouseholdId);
        var values = gap.Json.GetProperty("values");
        Assert.Equal("stored", values.GetProperty("mode").GetString());
        Assert.Equal("WAT-QUALITY", values.GetProperty("gaps").GetString());
        Assert.Equal("2022-12-30", values.GetProperty("firstSeenOn").GetString());
        Assert.Equal(first.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture), values.GetProperty("firstRunIds").GetString());
        Assert.Equal("2022-12-31", values.GetProperty("deadline").GetString());
        Assert.Contains("2022-12-30", gap.Json.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal("year-end", gap.Json.GetProperty("parameters").GetProperty("gapClearBy").GetString());

        // Replayable: the first night's run holds the gap finding the series started from.
        Assert.Contains(Findings(first.RunId), f => f.HouseholdId == "610728-7001" && f.RuleId == "WAT-QUALITY");
        // Replayable: the replay of the night reproduces the stored finding byte for byte, from the logged gap series.
        var exporter = new FindingsExporter(_db.DataSource);
        var replay = new ReplayService(_db.DataSource, new RuleSetArchive(_db.DataSource, TimeProvider.System), new RunQueries(_db.DataSource, exporter), exporter)
            .Replay(third.RunId, "610728-7001");
        Assert.True(replay.Reproduced, string.Join("\n", replay.ReplayedFindings));
        Assert.Contains(replay.ReplayedFindings, f => f.Contains(Rule, StringComparison.Ordinal));

        // The household fixed for one night and the one first seen tonight start again: no finding.
        Assert.DoesNotContain(findings, f => f.RuleId == Rule && f.HouseholdId != "610728-7001");

        // A full run of the same night gives the same outcome.
        var full = new NightlyRunner(_db.DataSource, ruleSet).Run(new DateOnly(2023, 1, 1), full: true);
        Assert.Equal(findings.Select(f => f.Line), Findings(full.RunId).Where(f => f.HouseholdId.StartsWith("610728-70", StringComparison.Ordinal)).Select(f => f.Line));
    }

    [Fact]
    public void Under_the_xiushan_profile_a_gap_is_due_by_the_end_of_the_month_after_its_first_night()
    {
        var ruleSet = SharedCatalog.Instance.ForProfile("chongqing-xiushan-2022");
        var household = Household("500241-7101", badWater: true, county: "500241");
        Import([household], new DateOnly(2022, 5, 10));
        new NightlyRunner(_db.DataSource, ruleSet).Run(new DateOnly(2022, 5, 10));
        var lastDay = new NightlyRunner(_db.DataSource, ruleSet).Run(new DateOnly(2022, 6, 30));
        Assert.DoesNotContain(Findings(lastDay.RunId), f => f.RuleId == Rule && f.HouseholdId == "500241-7101");
        var after = new NightlyRunner(_db.DataSource, ruleSet).Run(new DateOnly(2022, 7, 1));
        var gap = Assert.Single(Findings(after.RunId), f => f.RuleId == Rule && f.HouseholdId == "500241-7101");
        Assert.Equal("2022-06-30", gap.Json.GetProperty("values").GetProperty("deadline").GetString());
    }

    private static JsonObject Household(string id, bool badWater, string county = "610728")
    {
        var household = SampleHousehold.Create(id);
        household["region"]!["countyCode"] = county;
        household["region"]!["villageCode"] = county + "001001";
        household["water"] = JsonNode.Parse($$"""{"meetsQualityStandard":{{(badWater ? "false" : "true")}},"litresPerPersonDay":40,"pipedToHome":true,"fetchRoundTripMinutes":0,"supplyGuaranteeRate":0.96}""");
        return household;
    }

    private void Import(IEnumerable<JsonObject> households, DateOnly night)
    {
        var lines = string.Join('\n', households.Select(SampleHousehold.Line)) + "\n";
        var result = new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(lines)), night, p => Assert.Fail(p.ToString()));
        Assert.True(result.Committed);
    }

    private List<(string HouseholdId, string RuleId, JsonElement Json, string Line)> Findings(long runId) =>
        [.. new FindingsExporter(_db.DataSource).Findings(runId, null).Select(line =>
        {
            var json = JsonDocument.Parse(line).RootElement.Clone();
            return (json.GetProperty("householdId").GetString()!, json.GetProperty("ruleId").GetString()!, json, line);
        })];
}
