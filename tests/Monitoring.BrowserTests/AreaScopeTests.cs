using Monitoring.BrowserTests.Support;

namespace Monitoring.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class AreaScopeTests(WebAppFixture app)
{
    [Fact]
    public async Task A_village_user_gets_404_for_another_villages_household_and_403_for_its_lists()
    {
        var page = await app.PageFor(DemoUser.Village);
        var own = await page.GotoAsync(app.Url($"/households/{WebAppFixture.NoticeHousehold}"));
        Assert.Equal(200, own!.Status);

        var other = await page.GotoAsync(app.Url($"/households/{WebAppFixture.OtherVillageHousehold}"));
        Assert.Equal(404, other!.Status);
        Assert.DoesNotContain("楮河村", await page.ContentAsync(), StringComparison.Ordinal);

        var missing = await page.GotoAsync(app.Url("/households/610728-999999"));
        Assert.Equal(404, missing!.Status);

        var list = await page.GotoAsync(app.Url($"/due?area={WebAppFixture.OtherVillage}"));
        Assert.Equal(403, list!.Status);
        var notice = await page.GotoAsync(app.Url($"/notices?village={WebAppFixture.OtherVillage}"));
        Assert.Equal(403, notice!.Status);

        var town = await app.PageFor(DemoUser.Town);
        var seen = await town.GotoAsync(app.Url($"/households/{WebAppFixture.OtherVillageHousehold}"));
        Assert.Equal(200, seen!.Status);
        await page.Context.CloseAsync();
        await town.Context.CloseAsync();
    }
}
