using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Web;

/// <summary>The done-when flow through the API: a village user's review list, a dismissal and a confirmation, and the
/// dismissed household coming back only when its findings change.</summary>
public sealed class ReviewApiTests : IDisposable
{
    private static readonly DateOnly Night = new(2022, 6, 15);
    private readonly MonitoringWebFactory _web = new();

    public void Dispose() => _web.Dispose();

    [Fact]
    public async Task A_village_user_reviews_their_flagged_households_and_a_dismissal_holds_until_the_findings_change()
    {
        WebStore.Import(_web, Night,
            WebStore.Flagged("610728-7001", WebStore.Village),
            WebStore.Flagged("610728-7002", WebStore.Village),
            WebStore.Flagged("610728-7003", WebStore.OtherVillage),
            WebStore.Unflagged("610728-7004", WebStore.Village));
        WebStore.RunNight(_web, Night);
        WebStore.AddUser(_web, "cun", "village", WebStore.Village);
        using var client = WebStore.SignedIn(_web, "cun");

        var list = await Review(client);
        Assert.Equal(["610728-7001", "610728-7002"], list.Select(r => r["householdId"]!.GetValue<string>()));
        foreach (var row in list)
        {
            Assert.Equal("张三", row["headName"]!.GetValue<string>());
            Assert.Equal(WebStore.Village, row["villageCode"]!.GetValue<string>());
            Assert.Equal("pending", row["status"]!.GetValue<string>());
            Assert.Equal("2022-06-15", row["flaggedSince"]!.GetValue<string>());
            Assert.NotEmpty(row["reasons"]!.AsArray());
            Assert.All(row["reasons"]!.AsArray(), reason => Assert.False(string.IsNullOrEmpty(reason!["explanation"]!.GetValue<string>())));
            Assert.False(string.IsNullOrEmpty(row["candidateType"]!.GetValue<string>()));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/households/610728-7001/review", new { decision = "dismiss" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/households/610728-7001/review", new { decision = "dismiss", reason = "已核实：外出务工收入未申报" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/households/610728-7002/review", new { decision = "confirm", date = "2022-06-16" })).StatusCode);

        list = await Review(client);
        var confirmed = Assert.Single(list);
        Assert.Equal("610728-7002", confirmed["householdId"]!.GetValue<string>());
        Assert.Equal("confirmed", confirmed["status"]!.GetValue<string>());
        var householdBody = await client.GetStringAsync("/api/v1/households/610728-7002");
        Assert.Empty(ResidentIdScanner.Find(householdBody));
        Assert.StartsWith("610728********", JsonNode.Parse(householdBody)!["household"]!["members"]![0]!["idNumber"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("张小 610728********", householdBody, StringComparison.Ordinal);
        var household = JsonNode.Parse(householdBody)!;
        Assert.Equal("2022-06-16", household["case"]!["record"]!["openedOn"]!.GetValue<string>());
        Assert.Equal("open", household["case"]!["log"]!.AsArray().Single()!["command"]!.GetValue<string>());
        Assert.Equal("confirm", household["reviews"]!.AsArray().Single()!["decision"]!.GetValue<string>());

        WebStore.RunNight(_web, Night.AddDays(1));
        Assert.DoesNotContain(await Review(client), r => r["householdId"]!.GetValue<string>() == "610728-7001");

        var changed = WebStore.Flagged("610728-7001", WebStore.Village);
        changed["members"]![0]!["medicalInsurance"] = false;
        WebStore.Import(_web, Night.AddDays(2), changed);
        WebStore.RunNight(_web, Night.AddDays(2));
        var back = Assert.Single(await Review(client), r => r["householdId"]!.GetValue<string>() == "610728-7001");
        Assert.Equal("pending", back["status"]!.GetValue<string>());
        Assert.Equal("2022-06-17", back["flaggedSince"]!.GetValue<string>());
        Assert.Equal("已核实：外出务工收入未申报", back["lastDismissal"]!["reason"]!.GetValue<string>());
    }

    private static async Task<List<JsonNode>> Review(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/review");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.False(ResidentIdScanner.Find(body).Count > 0, body);
        return JsonNode.Parse(body)!.AsArray().Select(n => n!).ToList();
    }
}
