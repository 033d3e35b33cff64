using System.Net;
using System.Net.Http.Json;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Web;

/// <summary>
/// Every endpoint as every role, inside and outside the role's area, and unauthenticated: a household outside the area is
/// 404, a list parameter outside it 403, a role without the right 403, no sign-in 401 — and no body holds a resident ID.
/// </summary>
public sealed partial class AccessMatrixTests : IDisposable
{
    private const string OtherCountyVillage = "610729001001";
    private static readonly DateOnly Night = new(2022, 6, 15);
    private readonly MonitoringWebFactory _web = new();

    public AccessMatrixTests()
    {
        var otherCounty = WebStore.Flagged("610729-8004", OtherCountyVillage);
        otherCounty["region"]!["countyCode"] = "610729";
        WebStore.Import(_web, Night,
            WebStore.Flagged("610728-8001", WebStore.Village),
            WebStore.Flagged("610728-8002", WebStore.OtherVillage),
            WebStore.Flagged("610728-8003", WebStore.OtherTownVillage),
            otherCounty);
        WebStore.RunNight(_web, Night);
        WebStore.AddUser(_web, "village", "village", WebStore.Village);
        WebStore.AddUser(_web, "town", "town", WebStore.Town);
        WebStore.AddUser(_web, "county", "county", WebStore.County);
        WebStore.AddUser(_web, "auditor", "auditor", WebStore.Town);
        WebStore.AddUser(_web, "admin", "admin", WebStore.County);
    }

    public void Dispose() => _web.Dispose();

    private static readonly string[] Roles = ["village", "town", "county", "auditor", "admin"];

    /// <summary>A role's area, a village inside it, a household inside, and an area, village and household outside it.</summary>
    private static (string Area, string Village, string Inside, string OutsideArea, string OutsideVillage, string Outside) Scope(string role) => role switch
    {
        "village" => (WebStore.Village, WebStore.Village, "610728-8001", WebStore.OtherVillage, WebStore.OtherVillage, "610728-8002"),
        "town" => (WebStore.Town, WebStore.OtherVillage, "610728-8002", WebStore.OtherTown, WebStore.OtherTownVillage, "610728-8003"),
        "county" => (WebStore.County, WebStore.OtherTownVillage, "610728-8003", "610729", OtherCountyVillage, "610729-8004"),
        "auditor" => (WebStore.Town, WebStore.Village, "610728-8001", WebStore.OtherTown, WebStore.OtherTownVillage, "610728-8003"),
        _ => (WebStore.County, WebStore.Village, "610728-8001", "610729", OtherCountyVillage, "610729-8004"),
    };

    [Fact]
    public async Task Every_endpoint_answers_every_role_inside_and_outside_its_area_as_specified()
    {
        var failures = new List<string>();
        using var anonymous = _web.CreateClient();
        foreach (var role in Roles)
        {
            var s = Scope(role);
            var reader = role != "admin";
            var writer = role is "village" or "town" or "county";
            var ok = reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            var forbiddenList = HttpStatusCode.Forbidden;
            using var client = WebStore.SignedIn(_web, role);
            const long runId = 1;
            var cases = new (string Method, string Path, object? Body, HttpStatusCode Expected)[]
            {
                ("GET", "/api/v1/me", null, HttpStatusCode.OK),
                ("GET", $"/api/v1/review?area={s.Area}", null, ok),
                ("GET", $"/api/v1/review?area={s.OutsideArea}", null, forbiddenList),
                ("GET", "/api/v1/review", null, ok),
                ("GET", $"/api/v1/households/{s.Inside}", null, ok),
                ("GET", $"/api/v1/households/{s.Outside}", null, reader ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden),
                ("GET", "/api/v1/households/610728-0000", null, reader ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden),
                ("GET", $"/api/v1/households/{s.Inside}/explain?run={runId}", null, ok),
                ("GET", $"/api/v1/households/{s.Outside}/explain?run={runId}", null, reader ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden),
                ("GET", $"/api/v1/due?area={s.Area}&within=7&asOf=2022-06-15", null, ok),
                ("GET", $"/api/v1/due?area={s.OutsideArea}&within=7&asOf=2022-06-15", null, forbiddenList),
                ("GET", $"/api/v1/notices?village={s.Village}&asOf=2022-06-15", null, ok),
                ("GET", $"/api/v1/notices?village={s.OutsideVillage}&asOf=2022-06-15", null, forbiddenList),
                ("GET", "/api/v1/runs", null, ok),
                ("GET", $"/api/v1/runs/{runId}", null, ok),
                ("GET", $"/api/v1/dashboard?area={s.Area}", null, ok),
                ("GET", $"/api/v1/dashboard?area={s.OutsideArea}", null, forbiddenList),
                ("GET", $"/api/v1/access-log?household={s.Inside}", null, role == "auditor" ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
                ("GET", $"/api/v1/access-log?household={s.Outside}", null, role == "auditor" ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden),
                ("POST", $"/api/v1/households/{s.Outside}/review", new { decision = "dismiss", reason = "矩阵测试" }, writer ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden),
                ("POST", $"/api/v1/households/{s.Inside}/review", new { decision = "dismiss", reason = "矩阵测试" }, writer ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
            };
            foreach (var (method, path, body, expected) in cases)
            {
                await Expect(failures, client, role, method, path, body, expected);
                await Expect(failures, anonymous, "anonymous", method, path, body, HttpStatusCode.Unauthorized);
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>
    /// Every page (and its downloads) as every role, inside and outside the role's area: a household outside is 404, a list
    /// outside 403, a role without the right is refused (403 or the access-denied page), no sign-in goes to the sign-in page;
    /// no page holds a resident ID, and every download is one export row in the access log.
    /// </summary>
    [Fact]
    public async Task Every_page_and_download_answers_every_role_inside_and_outside_its_area_and_downloads_are_logged()
    {
        var failures = new List<string>();
        using var anonymous = _web.CreateClient();
        foreach (var role in Roles)
        {
            var s = Scope(role);
            var reader = role != "admin";
            var ok = reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            using var client = WebStore.SignedIn(_web, role);
            var cases = new (string Path, HttpStatusCode Expected, bool Download)[]
            {
                ("/", HttpStatusCode.OK, false),
                ($"/review?village={s.Village}", ok, false),
                ($"/review?village={s.OutsideVillage}", HttpStatusCode.Forbidden, false),
                ($"/review?handler=xlsx&village={s.Village}", ok, true),
                ($"/review?handler=xlsx&village={s.OutsideVillage}", HttpStatusCode.Forbidden, false),
                ($"/households/{s.Inside}", ok, false),
                ($"/households/{s.Inside}?why=INC-BELOW-LINE", ok, false),
                ($"/households/{s.Outside}", reader ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, false),
                ($"/households/{s.Outside}?why=INC-BELOW-LINE", reader ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, false),
                ($"/due?area={s.Area}&asOf=2022-06-15", ok, false),
                ($"/due?area={s.OutsideArea}&asOf=2022-06-15", HttpStatusCode.Forbidden, false),
                ($"/due?handler=xlsx&area={s.Area}&asOf=2022-06-15", ok, true),
                ($"/due?handler=xlsx&area={s.OutsideArea}&asOf=2022-06-15", HttpStatusCode.Forbidden, false),
                ($"/notices?village={s.Village}&asOf=2022-06-15", ok, false),
                ($"/notices?village={s.OutsideVillage}&asOf=2022-06-15", HttpStatusCode.Forbidden, false),
                ($"/notices?handler=xlsx&village={s.Village}&asOf=2022-06-15", ok, true),
                ($"/notices?handler=xlsx&village={s.OutsideVillage}&asOf=2022-06-15", HttpStatusCode.Forbidden, false),
                ($"/stats?area={s.Area}", ok, false),
                ($"/stats?area={s.OutsideArea}", HttpStatusCode.Forbidden, false),
                ("/audit", ok, false),
                ($"/audit?household={s.Inside}&run=1", ok, false),
                ($"/audit?household={s.Outside}&run=1", reader ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, false),
            };
            foreach (var (path, expected, download) in cases)
            {
                var exportsBefore = Exports(role);
                using (var response = await client.GetAsync(path))
                {
                    var status = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true
                        ? HttpStatusCode.Forbidden
                        : response.StatusCode;
                    if (status != expected)
                    {
                        failures.Add($"{role} GET {path}: {(int)response.StatusCode} {response.Headers.Location} (expected {(int)expected})");
                    }

                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (!download && ResidentIdScanner.Find(System.Text.Encoding.UTF8.GetString(body)).Count > 0)
                    {
                        failures.Add($"{role} GET {path}: body holds an unmasked resident ID");
                    }
                }

                var logged = Exports(role) - exportsBefore;
                if (logged != (download && reader ? 1 : 0))
                {
                    failures.Add($"{role} GET {path}: {logged} export rows in the access log");
                }

                using var anonymousResponse = await anonymous.GetAsync(path);
                if (anonymousResponse.StatusCode != HttpStatusCode.Redirect || anonymousResponse.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) != true)
                {
                    failures.Add($"anonymous GET {path}: {(int)anonymousResponse.StatusCode} {anonymousResponse.Headers.Location} (expected the sign-in page)");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>
    /// The pages' forms (case commands on 农户, 确认/排除 on 待核查) posted with a valid antiforgery token for a household
    /// outside the role's area are 404 for the roles that write and refused for the others; nothing is recorded.
    /// </summary>
    [Fact]
    public async Task Every_page_form_refuses_a_household_outside_the_area_for_every_role()
    {
        var failures = new List<string>();
        foreach (var role in Roles.Where(r => r != "admin"))
        {
            var s = Scope(role);
            var writer = role is "village" or "town" or "county";
            using var client = WebStore.SignedIn(_web, role);
            var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/households/{s.Inside}"));
            var token = AntiforgeryToken().Match(await client.GetStringAsync("/review")) is { Success: true } m ? m.Groups[1].Value
                : AntiforgeryToken().Match(form).Groups[1].Value;
            var posts = new (string Path, Dictionary<string, string> Fields)[]
            {
                ($"/households/{s.Outside}?handler=case", new() { ["command"] = "visit", ["date"] = "2022-06-15" }),
                ("/review?handler=confirm", new() { ["householdId"] = s.Outside }),
                ("/review?handler=dismiss", new() { ["householdId"] = s.Outside, ["reason"] = "矩阵测试" }),
            };
            foreach (var (path, fields) in posts)
            {
                fields["__RequestVerificationToken"] = token;
                using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
                var denied = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true);
                var expected = writer ? response.StatusCode == HttpStatusCode.NotFound : denied;
                if (!expected)
                {
                    failures.Add($"{role} POST {path}: {(int)response.StatusCode} {response.Headers.Location} (expected {(writer ? "404" : "403")})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(0L, Sql.Count(_web.Db.ConnectionString, "SELECT count(*) FROM case_log"));
        Assert.Equal(0L, Sql.Count(_web.Db.ConnectionString, "SELECT count(*) FROM review_decisions"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();

    private long Exports(string user) => Sql.Count(_web.Db.ConnectionString, $"SELECT count(*) FROM access_log WHERE user_name = '{user}' AND action = 'export'");

    private static async Task Expect(List<string> failures, HttpClient client, string who, string method, string path, object? body, HttpStatusCode expected)
    {
        using var response = method == "GET" ? await client.GetAsync(path) : await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            failures.Add($"{who} {method} {path}: {(int)response.StatusCode} (expected {(int)expected}) {text}");
        }

        if (response.Headers.Location is not null)
        {
            failures.Add($"{who} {method} {path}: redirected to {response.Headers.Location}");
        }

        if (ResidentIdScanner.Find(text).Count > 0)
        {
            failures.Add($"{who} {method} {path}: body holds an unmasked resident ID");
        }
    }
}
