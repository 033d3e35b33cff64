using System.Net;
using Monitoring.Tests.Support;
using Monitoring.Tests.Web;

namespace Monitoring.Tests.Leads;

/// <summary>The public pages' rate limits per client address: over the limit is 429 with a Chinese message.</summary>
public sealed class SelfDeclarationRateLimitTests : IDisposable
{
    private readonly MonitoringWebFactory _web = new(new Dictionary<string, string?>
    {
        ["SelfDeclaration:SubmitPermitLimit"] = "2",
        ["SelfDeclaration:LookupPermitLimit"] = "3",
    });

    public void Dispose() => _web.Dispose();

    [Fact]
    public async Task Submissions_and_lookups_over_the_limit_are_429_in_Chinese()
    {
        var household = SampleHousehold.Create("610728-8101");
        household["members"]![0]!["idNumber"] = ResidentIdScanner.Valid("61072819800101811");
        WebStore.Import(_web, new DateOnly(2022, 6, 15), household);
        using var farmer = _web.CreateClient();
        var id = ResidentIdScanner.Valid("61072819800101811");

        Assert.Equal(HttpStatusCode.OK, (await LeadsWebTests.Declare(farmer, id, WebStore.Village)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await LeadsWebTests.Declare(farmer, id, "610728999999")).Status);
        var limited = await LeadsWebTests.Declare(farmer, id, WebStore.Village);
        Assert.Equal((HttpStatusCode)429, limited.Status);
        Assert.Contains("您提交或查询的次数太多了，请 10 分钟后再试", limited.Body, StringComparison.Ordinal);
        Assert.Equal(1, Sql.Count(_web.Db.ConnectionString, "SELECT count(*) FROM leads"));
        Assert.Equal(HttpStatusCode.OK, (await farmer.GetAsync("/declare")).StatusCode);

        var token = LeadsWebTests.Token(await farmer.GetStringAsync("/declare/status"));
        async Task<HttpStatusCode> Lookup() => (await farmer.PostAsync("/declare/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Receipt"] = "SB20220615-00000000",
            ["Check"] = "1234",
        }))).StatusCode;
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, (HttpStatusCode)429],
            [await Lookup(), await Lookup(), await Lookup(), await Lookup()]);
    }

    [Fact]
    public void A_limit_of_zero_stops_the_service_at_start()
    {
        using var web = new MonitoringWebFactory(new Dictionary<string, string?> { ["SelfDeclaration:SubmitPermitLimit"] = "0" });
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => web.CreateClient());
        Assert.Contains("SubmitPermitLimit", error.Message, StringComparison.Ordinal);
    }
}
