using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Web;

/// <summary>
/// <c>due</c> and <c>notice-list</c> are thin callers of the service the pages and the API use (AreaCaseLists): the CLI's
/// due list of a village is the API's, line for line.
/// </summary>
public sealed class CaseListsCliTests : IDisposable
{
    private static readonly DateOnly Night = new(2022, 6, 15);
    private readonly MonitoringWebFactory _web = new();

    public void Dispose() => _web.Dispose();

    [Fact]
    public async Task The_cli_due_list_is_the_apis()
    {
        WebStore.Import(_web, Night, WebStore.Flagged("610728-4101", WebStore.Village), WebStore.Flagged("610728-4102", WebStore.Village),
            WebStore.Flagged("610728-4201", WebStore.OtherVillage));
        WebStore.RunNight(_web, Night);
        WebStore.AddUser(_web, "cun", "village", WebStore.Village);
        using var client = WebStore.SignedIn(_web, "cun");
        foreach (var id in new[] { "610728-4101", "610728-4102" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/households/{id}/review", new { decision = "confirm", date = "2022-06-15" })).StatusCode);
        }

        var api = JsonNode.Parse(await client.GetStringAsync($"/api/v1/due?area={WebStore.Village}&within=30&asOf=2022-06-20"))!.AsArray()
            .Select(d => $"{d!["due"]?.GetValue<string>() ?? ""}\t{d["householdId"]!.GetValue<string>()}\t{d["title"]!.GetValue<string>()}").ToList();
        Assert.NotEmpty(api);

        var cli = CliProcess.Run("due", "--village", WebStore.Village, "--within", "30d", "--as-of", "2022-06-20", "--connection", _web.Db.ConnectionString);
        Assert.Equal(0, cli.ExitCode);
        var lines = cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(l => l.Split('\t')).ToList();
        Assert.Equal(api, lines.Select(cells => $"{cells[1]}\t{cells[2]}\t{cells[5]}"));
        Assert.Contains($"共 2 户，待办 {api.Count} 项", cli.Stderr, StringComparison.Ordinal);
    }
}
