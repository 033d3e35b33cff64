using Monitoring.BrowserTests.Support;

namespace Monitoring.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class DashboardTests(WebAppFixture app)
{
    [Fact]
    public async Task The_home_page_shows_last_night_and_the_area_counts_and_the_statistics_chart_every_table()
    {
        var page = await app.PageFor(DemoUser.Town);
        await page.GotoAsync(app.Url("/"));
        Assert.Contains("已完成", await page.Locator("#last-run").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2022-06-30", await page.Locator("#last-run").InnerTextAsync(), StringComparison.Ordinal);
        var awaiting = int.Parse(await page.Locator("#awaiting-review .figure a").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(awaiting > 0);
        await Screenshots.Save(page, "dashboard");

        await page.Locator("#awaiting-review .figure a").ClickAsync();
        await page.WaitForLoadStateAsync();
        // The list is paged (50 a page): its count says how many are awaiting; the rows shown are all pending.
        Assert.Contains($"共 {awaiting} 户", await page.Locator("p.lead").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(Math.Min(awaiting, 50), await page.Locator("tr[data-household] .status-pending").CountAsync());
        Assert.Equal(0, await page.Locator("tr[data-household] .status-confirmed").CountAsync());

        await page.GotoAsync(app.Url("/stats"));
        var sections = page.Locator("section.chart-with-table");
        Assert.Equal(4, await sections.CountAsync());
        foreach (var section in await sections.AllAsync())
        {
            Assert.Equal(1, await section.Locator("svg.chart").CountAsync());
            Assert.True(await section.Locator("table tbody tr").CountAsync() > 0);
        }

        var byRule = page.Locator("section[aria-labelledby=by-rule]");
        Assert.Equal(await byRule.Locator("svg rect").CountAsync(), await byRule.Locator("tbody tr").CountAsync());
        var villages = await page.Locator("section[aria-labelledby=by-area] tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(["东风村", "楮河村"], villages);
        await Screenshots.Save(page, "stats");

        var phone = await app.PageFor(DemoUser.Village);
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync(app.Url("/review"));
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page fits a phone's width (tables scroll inside their frame), got {width}px");
        await Screenshots.Save(phone, "review-phone", fullPage: false);
        await page.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }
}
