using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Monitoring.Tests.Support;
using Monitoring.Tests.Web;

namespace Monitoring.Tests.Leads;

/// <summary>
/// The public self-declaration page and <c>/api/v1/leads</c> through the real web application on a real PostgreSQL: a
/// declaration reaches its village's staff only, confirming it puts the event on the household, other areas are 404 for
/// every role, field messages are Chinese.
/// </summary>
public sealed partial class LeadsWebTests : IDisposable
{
    private const string OtherCountyVillage = "610729001001";
    private static readonly DateOnly Night = new(2022, 6, 15);
    private readonly MonitoringWebFactory _web = new();

    public LeadsWebTests()
    {
        WebStore.Import(_web, Night,
            Household("610728-8001", WebStore.Village, "61072819800101801"),
            Household("610728-8002", WebStore.OtherVillage, "61072819800101802"),
            Household("610728-8003", WebStore.OtherTownVillage, "61072819800101803"),
            Household("610729-8004", OtherCountyVillage, "61072919800101804"));
        WebStore.AddUser(_web, "cun", "village", WebStore.Village);
        WebStore.AddUser(_web, "cun2", "village", WebStore.OtherVillage);
        WebStore.AddUser(_web, "zhen", "town", WebStore.Town);
        WebStore.AddUser(_web, "xian", "county", WebStore.County);
        WebStore.AddUser(_web, "shenji", "auditor", WebStore.County);
    }

    public void Dispose() => _web.Dispose();

    private static JsonObject Household(string id, string village, string first17)
    {
        var household = SampleHousehold.Create(id);
        household["region"]!["villageCode"] = village;
        household["region"]!["countyCode"] = village[..6];
        household["region"]!["village"] = "村" + village[^3..];
        household["members"]![0]!["idNumber"] = ResidentIdScanner.Valid(first17);
        return household;
    }

    /// <summary>Submits the public form as a farmer would (antiforgery token from the page).</summary>
    internal static async Task<(HttpStatusCode Status, string Body)> Declare(HttpClient client, string idNumber, string village, string phone = "13912345678")
    {
        var form = await client.GetStringAsync("/declare");
        var response = await client.PostAsync("/declare", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["Name"] = "张三",
            ["IdNumber"] = idNumber,
            ["Phone"] = phone,
            ["Village"] = village,
            ["Kind"] = "illness",
            ["Description"] = "老伴住院花了两万多，家里没有收入了",
        }));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    internal static string Token(string page) => TokenPattern().Match(page) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("no antiforgery token in the page");

    private static string Receipt(string body) => ReceiptPattern().Match(body).Groups[1].Value;

    private static async Task<List<JsonNode>> Leads(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/leads");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Empty(ResidentIdScanner.Find(body));
        return [.. JsonNode.Parse(body)!.AsArray().Select(n => n!)];
    }

    [Fact]
    public async Task A_declaration_on_the_public_page_reaches_only_its_village_and_confirming_it_records_the_event()
    {
        using var farmer = _web.CreateClient();
        var page = WebUtility.HtmlDecode(await farmer.GetStringAsync("/declare"));
        Assert.Contains("农户自主申报", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{WebStore.Village}\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{OtherCountyVillage}\"", page, StringComparison.Ordinal);
        Assert.Contains("家人患病或大病", page, StringComparison.Ordinal);

        var id = ResidentIdScanner.Valid("61072819800101801");
        var bad = await Declare(farmer, id[..17] + (id[17] == '1' ? '2' : '1'), WebStore.Village, phone: "1391234567");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("身份证号最后一位（校验位）不对，请核对后重新填写", bad.Body, StringComparison.Ordinal);
        Assert.Contains("手机号码应为 11 位数字", bad.Body, StringComparison.Ordinal);

        var good = await Declare(farmer, id, WebStore.Village);
        Assert.Equal(HttpStatusCode.OK, good.Status);
        var receipt = Receipt(good.Body);
        Assert.Matches("^SB\\d{8}-[0-9A-Z]{8}$", receipt);
        Assert.Empty(ResidentIdScanner.Find(good.Body));

        using var own = WebStore.SignedIn(_web, "cun");
        using var neighbour = WebStore.SignedIn(_web, "cun2");
        var lead = Assert.Single(await Leads(own), l => l["receiptNo"]?.GetValue<string>() == receipt);
        Assert.Equal(("610728-8001", "m1", "pending"), (lead["householdId"]!.GetValue<string>(), lead["memberId"]!.GetValue<string>(), lead["status"]!.GetValue<string>()));
        var leadId = lead["id"]!.GetValue<long>();
        Assert.DoesNotContain(await Leads(neighbour), l => l["id"]!.GetValue<long>() == leadId);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/leads/{leadId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/leads/{leadId}/confirm", new { })).StatusCode);
        Assert.DoesNotContain(receipt, await neighbour.GetStringAsync("/leads"), StringComparison.Ordinal);
        Assert.Contains(receipt, await own.GetStringAsync("/leads"), StringComparison.Ordinal);

        var shown = JsonNode.Parse(await own.GetStringAsync($"/api/v1/leads/{leadId}"))!;
        Assert.Equal("pending", shown["history"]!.AsArray().Single()!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await own.PostAsJsonAsync($"/api/v1/leads/{leadId}/reject", new { reason = "" })).StatusCode);
        var confirmed = await own.PostAsJsonAsync($"/api/v1/leads/{leadId}/confirm", new { });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await own.PostAsJsonAsync($"/api/v1/leads/{leadId}/reject", new { reason = "x" })).StatusCode);
        var household = JsonNode.Parse(await own.GetStringAsync("/api/v1/households/610728-8001"))!;
        Assert.Contains(household["household"]!["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "self_declared");
        Assert.Equal("event", household["case"]!["log"]!.AsArray().Single()!["command"]!.GetValue<string>());

        var status = await farmer.PostAsync("/declare/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(await farmer.GetStringAsync("/declare/status")),
            ["Receipt"] = receipt,
            ["Check"] = "5678",
        }));
        var statusBody = WebUtility.HtmlDecode(await status.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("已核实确认", statusBody, StringComparison.Ordinal);
        Assert.Contains("610728********", statusBody, StringComparison.Ordinal);
        Assert.Empty(ResidentIdScanner.Find(statusBody));

        using var auditor = WebStore.SignedIn(_web, "shenji");
        var log = await auditor.GetStringAsync("/api/v1/access-log?household=610728-8001");
        Assert.Contains("lead_decision", log, StringComparison.Ordinal);
        Assert.Contains("view_lead", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_outside_the_callers_area_is_404_for_every_role()
    {
        using var farmer = _web.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Declare(farmer, ResidentIdScanner.Valid("61072819800101803"), WebStore.OtherTownVillage)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Declare(farmer, ResidentIdScanner.Valid("61072919800101804"), OtherCountyVillage)).Status);
        using var xian = WebStore.SignedIn(_web, "xian");
        var otherTown = Assert.Single(await Leads(xian))["id"]!.GetValue<long>();
        var otherCounty = otherTown + 1;

        foreach (var (user, lead) in new[] { ("cun", otherTown), ("zhen", otherTown), ("cun", otherCounty), ("zhen", otherCounty), ("xian", otherCounty), ("shenji", otherCounty) })
        {
            using var client = WebStore.SignedIn(_web, user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/leads/{lead}")).StatusCode);
            Assert.DoesNotContain(await Leads(client), l => l["id"]!.GetValue<long>() == lead);
            var decide = user == "shenji" ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            Assert.Equal(decide, (await client.PostAsJsonAsync($"/api/v1/leads/{lead}/confirm", new { })).StatusCode);
            Assert.Equal(decide, (await client.PostAsJsonAsync($"/api/v1/leads/{lead}/reject", new { reason = "不是本村" })).StatusCode);
        }

        using var cun = WebStore.SignedIn(_web, "cun");
        Assert.Equal(HttpStatusCode.Forbidden, (await cun.GetAsync($"/api/v1/leads?area={WebStore.OtherTownVillage}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _web.CreateClient().GetAsync("/api/v1/leads")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await xian.GetAsync($"/api/v1/leads/{otherTown}")).StatusCode);
    }

    [Fact]
    public async Task A_submission_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        using var farmer = _web.CreateClient();
        var response = await farmer.PostAsync("/declare", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "张三",
            ["IdNumber"] = ResidentIdScanner.Valid("61072819800101801"),
            ["Phone"] = "13912345678",
            ["Village"] = WebStore.Village,
            ["Kind"] = "illness",
            ["Description"] = "说明",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, Sql.Count(_web.Db.ConnectionString, "SELECT count(*) FROM leads"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-receipt=\"([^\"]+)\"")]
    private static partial Regex ReceiptPattern();
}
