using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Tests.Support;
using Monitoring.Web.Security;

namespace Monitoring.Tests.Web;

/// <summary>Puts households, nights and users into a web test's store, and signs clients in.</summary>
internal static class WebStore
{
    public const string Password = "Test-Passw0rd";
    public const string County = "610728";
    public const string Town = "610728001";
    public const string Village = "610728001001";
    public const string OtherVillage = "610728001002";
    public const string OtherTown = "610728002";
    public const string OtherTownVillage = "610728002001";

    /// <summary>A household the rules flag as a monitoring candidate (per-capita income far under the line).</summary>
    public static JsonObject Flagged(string id, string villageCode)
    {
        var household = SampleHousehold.Create(id);
        household["region"]!["villageCode"] = villageCode;
        household["incomes"]![0]!["wage"] = 1500;
        WithResidentIds(household);
        return household;
    }

    /// <summary>Valid resident ID numbers in the ID field and typed into another field, for the masking checks.</summary>
    private static void WithResidentIds(JsonObject household)
    {
        household["members"]![0]!["idNumber"] = ResidentIdScanner.Valid("61072819800101123");
        household["members"]![1]!["name"] = "张小 " + ResidentIdScanner.Valid("61072820100301002");
    }

    /// <summary>A household the rules do not flag.</summary>
    public static JsonObject Unflagged(string id, string villageCode)
    {
        var household = SampleHousehold.Create(id);
        household["region"]!["villageCode"] = villageCode;
        household["incomes"]![0]!["wage"] = 60000;
        return household;
    }

    public static void Import(MonitoringWebFactory factory, DateOnly asOf, params JsonObject[] households)
    {
        var text = string.Join('\n', households.Select(SampleHousehold.Line)) + "\n";
        var result = new HouseholdImporter(factory.Db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(text)), asOf, p => Assert.Fail(p.ToString()));
        Assert.True(result.Committed);
    }

    public static long RunNight(MonitoringWebFactory factory, DateOnly asOf) =>
        new NightlyRunner(factory.Db.DataSource, SharedCatalog.Instance.ForProfile("cn-national")).Run(asOf).RunId;

    public static void AddUser(MonitoringWebFactory factory, string user, string role, string area)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        users.AddAsync(user, role, area, null, Password).GetAwaiter().GetResult();
    }

    public static HttpClient SignedIn(MonitoringWebFactory factory, string user)
    {
        var client = factory.CreateClient();
        var response = client.PostAsJsonAsync("/api/v1/login", new { user, password = Password }).GetAwaiter().GetResult();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}
