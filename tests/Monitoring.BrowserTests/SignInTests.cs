using Microsoft.Playwright;
using Monitoring.BrowserTests.Support;

namespace Monitoring.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class SignInTests(WebAppFixture app)
{
    [Fact]
    public async Task A_page_asks_for_sign_in_refuses_a_wrong_password_and_opens_after_the_right_one()
    {
        var page = await app.AnonymousPage();
        await page.GotoAsync(app.Url("/review"));
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await Screenshots.Save(page, "login");

        await WebAppFixture.SignIn(page, DemoUser.Village.Name, "Wrong-password-1");
        Assert.Contains("用户名或密码不正确", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);

        await WebAppFixture.SignIn(page, DemoUser.Village.Name, DemoUser.Village.Password);
        await page.WaitForURLAsync(url => url.EndsWith("/review", StringComparison.Ordinal));
        Assert.Equal("待核查", await page.Locator("h1").InnerTextAsync());
        Assert.Contains(DemoUser.Village.Name, await page.Locator(".site-user").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
