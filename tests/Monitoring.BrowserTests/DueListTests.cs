using Monitoring.BrowserTests.Support;

namespace Monitoring.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class DueListTests(WebAppFixture app)
{
    [Fact]
    public async Task The_town_due_list_puts_overdue_first_groups_by_helper_and_downloads_as_xlsx()
    {
        var page = await app.PageFor(DemoUser.Town);
        await page.GotoAsync(app.Url("/due?within=7"));
        var statuses = await page.Locator("tbody tr td:first-child").AllInnerTextsAsync();
        Assert.NotEmpty(statuses);
        var firstOpen = statuses.ToList().FindIndex(s => !s.StartsWith("已逾期", StringComparison.Ordinal));
        Assert.True(firstOpen != 0, "overdue obligations come first");
        Assert.All(statuses.Skip(firstOpen < 0 ? statuses.Count : firstOpen), s => Assert.False(s.StartsWith("已逾期", StringComparison.Ordinal)));
        var villages = (await page.Locator("tbody tr td:nth-child(4)").AllInnerTextsAsync()).Distinct().ToList();
        Assert.Contains("东风村", villages);
        Assert.Contains("楮河村", villages);

        await page.GotoAsync(app.Url("/due?within=7&group=helper"));
        await Screenshots.Save(page, "due", fullPage: false);
        var groups = await page.Locator("main h2").CountAsync();
        Assert.True(groups > 1, "one section per helper");
        Assert.Equal(statuses.Count, await page.Locator("tbody tr").CountAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("下载 xlsx").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
