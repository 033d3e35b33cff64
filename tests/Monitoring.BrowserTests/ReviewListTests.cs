using Microsoft.Playwright;
using Monitoring.BrowserTests.Support;

namespace Monitoring.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class ReviewListTests(WebAppFixture app)
{
    [Fact]
    public async Task A_village_user_sees_only_the_village_one_row_each_dismisses_one_with_a_reason_and_confirms_another()
    {
        var page = await app.PageFor(DemoUser.Village);
        await page.GotoAsync(app.Url("/review"));
        await Screenshots.Save(page, "review", fullPage: false);
        var rows = page.Locator("tr[data-household]");
        var ids = new List<string>();
        foreach (var row in await rows.AllAsync())
        {
            ids.Add((await row.GetAttributeAsync("data-household"))!);
            Assert.Equal("东风村", (await row.Locator("td").Nth(1).InnerTextAsync()).Trim());
            Assert.NotEqual("", (await row.Locator("ul.reasons").InnerTextAsync()).Trim());
        }

        Assert.True(ids.Count >= 3, $"expected several flagged households in 东风村, got {ids.Count}");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var (dismissed, confirmed) = (ids.First(i => i != WebAppFixture.NoticeHousehold), ids.Last(i => i != WebAppFixture.NoticeHousehold));

        var dismissRow = page.Locator($"tr[data-household='{dismissed}']");
        await dismissRow.Locator("summary", new() { HasText = "排除" }).ClickAsync();
        await dismissRow.Locator("select[name=category]").SelectOptionAsync("数据有误已更正");
        await dismissRow.Locator("textarea[name=reason]").FillAsync("入户核实：收入已按实际更正");
        await dismissRow.GetByRole(AriaRole.Button, new() { Name = "确认排除" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains($"已排除 {dismissed}", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"tr[data-household='{dismissed}']").CountAsync());

        await page.Locator($"tr[data-household='{confirmed}']").GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains($"已确认 {confirmed}", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已确认立案", await page.Locator($"tr[data-household='{confirmed}']").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync(app.Url($"/households/{confirmed}"));
        Assert.Contains("案件：识别中", await page.Locator(".lead").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("确认", await page.Locator("#reviews + *").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(app.Url($"/households/{dismissed}"));
        Assert.Contains("入户核实：收入已按实际更正", await page.Locator("#reviews + *").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
