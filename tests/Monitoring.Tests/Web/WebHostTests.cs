using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Web.Security;
using Npgsql;

namespace Monitoring.Tests.Web;

/// <summary>Health, OpenAPI and the API browser, security headers, sign-in rules (lockout, disabled users), the access
/// log and the application role's privileges.</summary>
public sealed class WebHostTests : IDisposable
{
    private static readonly DateOnly Night = new(2022, 6, 15);
    private readonly MonitoringWebFactory _web = new();

    public void Dispose() => _web.Dispose();

    [Fact]
    public async Task Health_endpoints_answer_without_sign_in_and_ready_checks_the_migrated_store()
    {
        using var client = _web.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_with_a_csp_without_inline_scripts()
    {
        using var client = _web.CreateClient();
        foreach (var path in new[] { "/health/live", "/api/v1/review", "/Account/Login", "/api-docs/index.html" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task The_openapi_document_lists_the_contract_and_the_api_browser_is_served_locally()
    {
        using var client = _web.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var path in new[] { "/api/v1/login", "/api/v1/review", "/api/v1/households/{id}", "/api/v1/households/{id}/review", "/api/v1/due",
                     "/api/v1/notices", "/api/v1/runs", "/api/v1/runs/{id}", "/api/v1/dashboard", "/api/v1/access-log" })
        {
            Assert.Contains(path, paths);
        }

        var page = await client.GetStringAsync("/api-docs/index.html");
        Assert.Contains("/api-docs/api-docs.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", await client.GetStringAsync("/api-docs/api-docs.js"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_401_without_sign_in_while_pages_redirect_to_the_sign_in_page()
    {
        using var client = _web.CreateClient();
        var api = await client.GetAsync("/api/v1/review");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Null(api.Headers.Location);
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_strict_and_secure()
    {
        WebStore.AddUser(_web, "cookie", "village", WebStore.Village);
        using var client = _web.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/login", new { user = "cookie", password = WebStore.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(WebSecurityServiceCollectionExtensions.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_a_disabled_user_cannot_sign_in_and_enabling_lets_both_in_again()
    {
        WebStore.AddUser(_web, "locked", "village", WebStore.Village);
        WebStore.AddUser(_web, "gone", "village", WebStore.Village);
        using var client = _web.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/login", new { user = "nobody", password = "x" })).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/login", new { user = "locked", password = "Wrong-Passw0rd" })).StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/login", new { user = "locked", password = WebStore.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (var scope = _web.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            await users.DisableAsync("gone");
            Assert.True((await users.ListAsync()).Single(u => u.UserName == "gone").Disabled);
            await users.ResetPasswordAsync("locked", "Another-Passw0rd");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/login", new { user = "gone", password = WebStore.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/login", new { user = "locked", password = "Another-Passw0rd" })).StatusCode);

        // Enabling clears the disabled flag and a lockout; the password stays the one the user had.
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/login", new { user = "locked", password = "Wrong-Passw0rd" });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/login", new { user = "locked", password = "Another-Passw0rd" })).StatusCode);
        using (var scope = _web.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            await users.EnableAsync("gone");
            await users.EnableAsync("locked");
            var listed = await users.ListAsync();
            Assert.All(listed.Where(u => u.UserName is "gone" or "locked"), u => Assert.False(u.Disabled || u.LockedOut));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/login", new { user = "gone", password = WebStore.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/login", new { user = "locked", password = "Another-Passw0rd" })).StatusCode);
    }

    [Fact]
    public async Task Household_views_and_decisions_are_in_the_access_log_which_auditors_read_and_nobody_can_edit()
    {
        WebStore.Import(_web, Night, WebStore.Flagged("610728-6001", WebStore.Village));
        WebStore.RunNight(_web, Night);
        WebStore.AddUser(_web, "viewer", "village", WebStore.Village);
        WebStore.AddUser(_web, "audit", "auditor", WebStore.County);
        using var viewer = WebStore.SignedIn(_web, "viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/households/610728-6001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.PostAsJsonAsync("/api/v1/households/610728-6001/review", new { decision = "dismiss", reason = "核实无风险" })).StatusCode);

        using var auditor = WebStore.SignedIn(_web, "audit");
        var log = JsonNode.Parse(await auditor.GetStringAsync("/api/v1/access-log?household=610728-6001"))!.AsArray();
        Assert.Equal(["decision", "view_household"], log.Select(e => e!["action"]!.GetValue<string>()));
        Assert.All(log, e =>
        {
            Assert.Equal("viewer", e!["userName"]!.GetValue<string>());
            Assert.Equal("village", e["role"]!.GetValue<string>());
            Assert.Equal("127.0.0.1", e["clientAddress"]?.GetValue<string>());
        });

        using var app = new NpgsqlConnection(_web.Db.AppConnectionString);
        app.Open();
        foreach (var sql in new[] { "UPDATE access_log SET user_name = 'x'", "DELETE FROM review_decisions", "UPDATE findings SET rule_id = 'x'", "DELETE FROM household_versions" })
        {
            using var command = new NpgsqlCommand(sql, app);
            var error = Assert.Throws<PostgresException>(() => command.ExecuteNonQuery());
            Assert.Equal("42501", error.SqlState);
        }

        using var role = new NpgsqlCommand("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user", app);
        Assert.False((bool)role.ExecuteScalar()!);
        using var owner = new NpgsqlConnection(_web.Db.ConnectionString);
        owner.Open();
        using var ownerUpdate = new NpgsqlCommand("UPDATE access_log SET user_name = 'x'", owner);
        Assert.Equal("42501", Assert.Throws<PostgresException>(() => ownerUpdate.ExecuteNonQuery()).SqlState);
    }

    [Fact]
    public async Task An_auditor_replays_a_household_on_a_stored_night_and_it_reproduces()
    {
        WebStore.Import(_web, Night, WebStore.Flagged("610728-6101", WebStore.Village));
        var first = WebStore.RunNight(_web, Night);
        var changed = WebStore.Flagged("610728-6101", WebStore.Village);
        changed["members"]![0]!["medicalInsurance"] = false;
        WebStore.Import(_web, Night.AddDays(1), changed);
        WebStore.RunNight(_web, Night.AddDays(1));
        WebStore.AddUser(_web, "replayer", "auditor", WebStore.County);
        using var auditor = WebStore.SignedIn(_web, "replayer");

        var body = await auditor.GetStringAsync($"/api/v1/households/610728-6101/explain?run={first}");
        Assert.Empty(Monitoring.Tests.Support.ResidentIdScanner.Find(body));
        var replay = JsonNode.Parse(body)!;
        Assert.Equal(first, replay["run"]!.GetValue<long>());
        Assert.True(replay["reproduced"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(replay["rulesVersion"]!.GetValue<string>()));
        var rules = replay["rules"]!.AsArray();
        Assert.Contains(rules, r => r!["ruleId"]!.GetValue<string>() == "INC-BELOW-LINE" && r["fired"]!.GetValue<bool>() && r["conditions"]!.AsArray().Count > 0);
        Assert.Contains(rules, r => !r!["fired"]!.GetValue<bool>());
        var belowLine = rules.Single(r => r!["ruleId"]!.GetValue<string>() == "INC-BELOW-LINE")!;
        Assert.False(string.IsNullOrEmpty(belowLine["explanation"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(belowLine["source"]!.GetValue<string>()));
        Assert.DoesNotContain(".txt", belowLine["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(belowLine["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "monitoringLine" && p["source"]!.GetValue<string>().Length > 0 && !p["source"]!.GetValue<string>().Contains(".txt", StringComparison.Ordinal));
        Assert.Equal(replay["storedFindings"]!.GetValue<int>(), replay["replayedFindings"]!.GetValue<int>());

        // The 审计 page is the same replay: why flagged and why not, with the legal source and the parameters in force.
        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/audit?household=610728-6101&run={first}"));
        Assert.Contains("reproduced: true", page, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"INC-BELOW-LINE\"", page, StringComparison.Ordinal);
        Assert.Contains("未触发", page, StringComparison.Ordinal);
        Assert.Contains("monitoringLine", page, StringComparison.Ordinal);
        Assert.Empty(Monitoring.Tests.Support.ResidentIdScanner.Find(page));
        var why = WebUtility.HtmlDecode(await auditor.GetStringAsync("/households/610728-6101?why=HOU-DANGEROUS"));
        Assert.Contains("data-rule=\"HOU-DANGEROUS\"", why, StringComparison.Ordinal);
        Assert.Contains("reproduced: true", why, StringComparison.Ordinal);
        var latest = JsonNode.Parse(await auditor.GetStringAsync("/api/v1/households/610728-6101/explain"))!;
        Assert.True(latest["reproduced"]!.GetValue<bool>());
        Assert.NotEqual(first, latest["run"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/api/v1/households/610728-6101/explain?run=999")).StatusCode);
    }
}
