using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Store.Access;
using Monitoring.Store.Runs;
using Monitoring.Store.Statistics;

namespace Monitoring.Tests.Web;

/// <summary>
/// <c>/api/v1/runs</c>, <c>/runs/{id}</c> and <c>/dashboard</c> come from the one run listing (<see cref="RunQueries"/>) and
/// the one statistics service (<see cref="AreaStatistics"/>): their JSON names stay those of the contract, the run detail and
/// the dashboard count only the caller's area, and the API's figures are the 统计 page's.
/// </summary>
public sealed class RunsAndDashboardApiTests : IDisposable
{
    private static readonly DateOnly Night = new(2022, 6, 15);
    private readonly MonitoringWebFactory _web = new();

    public RunsAndDashboardApiTests()
    {
        WebStore.Import(_web, Night,
            WebStore.Flagged("610728-9101", WebStore.Village),
            WebStore.Flagged("610728-9102", WebStore.Village),
            WebStore.Unflagged("610728-9103", WebStore.Village),
            WebStore.Flagged("610728-9201", WebStore.OtherVillage));
        WebStore.RunNight(_web, Night);
        WebStore.RunNight(_web, Night.AddDays(1));
        WebStore.AddUser(_web, "cun", "village", WebStore.Village);
        WebStore.AddUser(_web, "zhen", "town", WebStore.Town);
    }

    public void Dispose() => _web.Dispose();

    [Fact]
    public async Task Runs_keep_their_names_and_a_run_counts_only_the_callers_area()
    {
        using var village = WebStore.SignedIn(_web, "cun");
        using var town = WebStore.SignedIn(_web, "zhen");
        var runs = JsonNode.Parse(await village.GetStringAsync("/api/v1/runs"))!.AsArray();
        Assert.Equal(2, runs.Count);
        Assert.True(runs[0]!["id"]!.GetValue<long>() > runs[1]!["id"]!.GetValue<long>(), "newest first");
        foreach (var name in new[] { "id", "asOf", "profile", "mode", "status", "rulesVersion", "startedAt", "finishedAt" })
        {
            Assert.True(runs[0]!.AsObject().ContainsKey(name), name);
        }

        Assert.Equal("2022-06-16", runs[0]!["asOf"]!.GetValue<string>());
        Assert.Equal("completed", runs[0]!["status"]!.GetValue<string>());

        var id = runs[1]!["id"]!.GetValue<long>();
        var inVillage = JsonNode.Parse(await village.GetStringAsync($"/api/v1/runs/{id}"))!;
        var inTown = JsonNode.Parse(await town.GetStringAsync($"/api/v1/runs/{id}"))!;
        Assert.Equal(id, inVillage["run"]!["id"]!.GetValue<long>());
        Assert.Equal(WebStore.Village, inVillage["area"]!.GetValue<string>());
        Assert.Equal(3, inVillage["households"]!.GetValue<long>());
        Assert.Equal(2, inVillage["flagged"]!.GetValue<long>());
        Assert.Equal(4, inTown["households"]!.GetValue<long>());
        Assert.Equal(3, inTown["flagged"]!.GetValue<long>());
        var byRule = inVillage["findingsByRule"]!.AsArray();
        Assert.Contains(byRule, r => r!["ruleId"]!.GetValue<string>() == "INC-BELOW-LINE" && r["count"]!.GetValue<long>() == 2);
        Assert.Equal(byRule.Sum(r => r!["count"]!.GetValue<long>()), inVillage["findings"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_dashboard_keeps_its_names_and_shows_the_statistics_pages_figures()
    {
        using var town = WebStore.SignedIn(_web, "zhen");
        var board = JsonNode.Parse(await town.GetStringAsync($"/api/v1/dashboard?area={WebStore.Town}"))!;
        Assert.Equal(WebStore.Town, board["area"]!.GetValue<string>());
        Assert.Equal("2022-06-16", board["lastRun"]!["asOf"]!.GetValue<string>());
        var villages = board["villages"]!.AsArray();
        Assert.Equal([WebStore.Village, WebStore.OtherVillage], villages.Select(v => v!["villageCode"]!.GetValue<string>()));
        var first = villages[0]!;
        Assert.Equal(3, first["households"]!.GetValue<long>());
        Assert.Equal(2, first["flagged"]!.GetValue<long>());
        Assert.Equal(2, first["awaitingReview"]!.GetValue<long>());
        Assert.Equal(0, first["cases"]!.GetValue<long>());
        Assert.True(first.AsObject().ContainsKey("monitored"));
        Assert.Equal(3, board["funnel"]!["flagged"]!.GetValue<long>());
        foreach (var stage in new[] { "reviewed", "cases", "included", "released" })
        {
            Assert.Equal(0, board["funnel"]![stage]!.GetValue<long>());
        }

        var trend = board["trend"]!.AsArray();
        Assert.Equal(["2022-06-15", "2022-06-16"], trend.Select(n => n!["asOf"]!.GetValue<string>()));
        Assert.All(trend, n => Assert.Equal(3, n!["flagged"]!.GetValue<long>()));

        var statistics = _web.Services.GetRequiredService<AreaStatistics>().For(new Caller("zhen", UserRole.Town, WebStore.Town), null);
        Assert.Equal(statistics.FindingsByRule.Select(r => $"{r.RuleId}={r.Count}"),
            board["findingsByRule"]!.AsArray().Select(r => $"{r!["ruleId"]!.GetValue<string>()}={r["count"]!.GetValue<long>()}"));
        Assert.Equal(statistics.Nights.Select(n => n.Findings), trend.Select(n => n!["findings"]!.GetValue<long>()));
    }
}
