using Monitoring.BrowserTests.Support;

namespace Monitoring.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class AuditTests(WebAppFixture app)
{
    /// <summary>A 东风村 household flagged for income below the line on every night.</summary>
    private const string Household = "610728-000034";

    [Fact]
    public async Task An_auditor_replays_a_household_on_a_stored_night_and_sees_it_reproduced_and_logged()
    {
        var page = await app.PageFor(DemoUser.Auditor);
        await page.GotoAsync(app.Url("/audit"));
        await page.Locator("input[name=household]").FillAsync(Household);
        await page.Locator("select[name=run]").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "2022-06-29（第 2 次，增量）" });
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "重现" }).ClickAsync();
        await page.WaitForLoadStateAsync();

        Assert.Contains("reproduced: true", await page.Locator("#reproduced").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2022-06-29", await page.Locator("#replay").InnerTextAsync(), StringComparison.Ordinal);
        var rules = page.Locator("tr[data-rule]");
        Assert.True(await rules.CountAsync() > 20, "every rule of the profile, fired or not");
        Assert.Contains("触发", await page.Locator("tr[data-rule='INC-BELOW-LINE'] td").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("未触发", await page.Locator("tr[data-rule='HOU-DANGEROUS'] td").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(".txt", await page.Locator("tr[data-rule='INC-BELOW-LINE']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("explain", await page.Locator("#log").Locator("xpath=..").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.Save(page, "audit", fullPage: false);

        var village = await app.PageFor(DemoUser.Village);
        var denied = await village.GotoAsync(app.Url($"/audit?household={WebAppFixture.OtherVillageHousehold}&run=2"));
        Assert.Equal(404, denied!.Status);
        await page.Context.CloseAsync();
        await village.Context.CloseAsync();
    }
}
