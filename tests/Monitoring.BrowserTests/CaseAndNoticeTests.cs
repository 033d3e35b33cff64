using Microsoft.Playwright;
using Monitoring.BrowserTests.Support;

namespace Monitoring.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class CaseAndNoticeTests(WebAppFixture app)
{
    [Fact]
    public async Task A_public_notice_recorded_through_the_form_puts_the_household_on_the_printed_notice()
    {
        var page = await app.PageFor(DemoUser.Village);
        await page.GotoAsync(app.Url($"/households/{WebAppFixture.NoticeHousehold}"));
        var head = (await page.Locator("h1").InnerTextAsync()).Split(' ')[0];
        Assert.DoesNotContain("村内公示", await page.Locator("ol.timeline").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.Save(page, "household");

        var form = page.Locator("form[data-form=step]");
        await form.Locator("select[name=step]").SelectOptionAsync("public_notice");
        await form.Locator("input[name=date]").FillAsync("2022-06-30");
        await form.Locator("input[name=until]").FillAsync("2022-07-06");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记步骤" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains("已登记", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2022-06-30 村内公示（至 2022-07-06）", await page.Locator("ol.timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(DemoUser.Village.Name, await page.Locator("#case").Locator("xpath=..").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync(app.Url($"/notices?village={WebAppFixture.Village}&asOf=2022-07-01"));
        var sheet = page.Locator("article.notice-sheet");
        Assert.Contains("东风村防返贫动态监测对象公示", await sheet.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("公示期：2022-06-30 至 2022-07-06", await sheet.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(head, await sheet.Locator("tbody").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("东风村村民委员会", await sheet.Locator(".signature").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{17}[\dX]", await sheet.InnerTextAsync());

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".site-header").IsVisibleAsync(), "the header is not printed");
        Assert.False(await page.Locator("form.filters").IsVisibleAsync(), "the filters are not printed");
        Assert.True(await sheet.IsVisibleAsync());
        await Screenshots.Save(page, "notice-print");
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync(app.Url($"/notices?village={WebAppFixture.Village}&asOf=2022-07-08"));
        Assert.DoesNotContain(head, await page.Locator("article.notice-sheet").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
