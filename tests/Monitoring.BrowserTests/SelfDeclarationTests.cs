using Microsoft.Playwright;
using Monitoring.BrowserTests.Support;

namespace Monitoring.BrowserTests;

/// <summary>
/// Issue 11's done-when in the browser: a farmer declares a difficulty on the public page (no sign-in, a phone's screen),
/// the village's staff see it as a lead and another village's staff do not, confirming it puts the self_declared event on
/// the household.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class SelfDeclarationTests(WebAppFixture app)
{
    /// <summary>A 东风村 household of the fixture's generated data (seed 20220630) and its head's resident ID.</summary>
    private const string Household = "610728-000012";
    private const string HeadIdNumber = "610728198612133731";

    private static readonly DemoUser OtherVillageStaff = new("chuhe", "village", WebAppFixture.OtherVillage, "Chuhe-2022!");

    [Fact]
    public async Task A_declaration_reaches_only_its_villages_staff_and_confirming_it_records_the_event()
    {
        var farmer = await app.AnonymousPage();
        await farmer.SetViewportSizeAsync(390, 844);
        await farmer.GotoAsync(app.Url("/declare"));
        await farmer.GetByLabel("姓名").FillAsync("张秀英");
        await farmer.GetByLabel("身份证号").FillAsync(HeadIdNumber[..17] + (HeadIdNumber[17] == '1' ? "2" : "1"));
        await farmer.GetByLabel("手机号码").FillAsync("13912345678");
        await farmer.GetByLabel("所在村").SelectOptionAsync(WebAppFixture.Village);
        await farmer.GetByLabel("遇到什么困难").SelectOptionAsync(new SelectOptionValue { Label = "家人患病或大病" });
        await farmer.GetByLabel("具体情况").FillAsync("老伴住院做手术，花了两万多，家里没有收入了");
        await farmer.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
        await farmer.WaitForLoadStateAsync();
        Assert.Equal("身份证号最后一位（校验位）不对，请核对后重新填写", (await farmer.Locator("#idNumber-error").InnerTextAsync()).Trim());
        Assert.Equal("", (await farmer.Locator("#phone-error").InnerTextAsync()).Trim());
        Assert.Equal("", await farmer.GetByLabel("身份证号").InputValueAsync());
        await Screenshots.Save(farmer, "declare");

        await farmer.GetByLabel("身份证号").FillAsync(HeadIdNumber);
        await farmer.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
        await farmer.WaitForLoadStateAsync();
        var receipt = await farmer.Locator("[data-receipt]").GetAttributeAsync("data-receipt");
        Assert.Matches("^SB\\d{8}-[0-9A-Z]{8}$", receipt);
        Assert.DoesNotContain(HeadIdNumber, await farmer.ContentAsync(), StringComparison.Ordinal);
        await farmer.Context.CloseAsync();

        app.Cli.Run(OtherVillageStaff.Password + "\n", "users", "add", "--user", OtherVillageStaff.Name, "--role", "village", "--area", OtherVillageStaff.Area, "--password-stdin");
        var neighbour = await app.PageFor(OtherVillageStaff);
        await neighbour.GotoAsync(app.Url("/leads?status="));
        Assert.Contains("线索", await neighbour.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(receipt!, await neighbour.ContentAsync(), StringComparison.Ordinal);
        await neighbour.Context.CloseAsync();

        var staff = await app.PageFor(DemoUser.Village);
        await staff.GotoAsync(app.Url("/leads"));
        var row = staff.Locator("tr[data-lead]", new() { HasText = receipt });
        Assert.Equal(1, await row.CountAsync());
        var text = await row.InnerTextAsync();
        Assert.Contains(Household, text, StringComparison.Ordinal);
        Assert.Contains("610728********3731", text, StringComparison.Ordinal);
        Assert.Contains("待核实", text, StringComparison.Ordinal);
        await Screenshots.Save(staff, "leads", fullPage: false);

        await row.GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
        await staff.WaitForLoadStateAsync();
        Assert.Contains($"农户 {Household} 已登记“农户自主申报”事件", await staff.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        var household = await staff.GotoAsync(app.Url($"/api/v1/households/{Household}"));
        var body = await household!.TextAsync();
        Assert.Contains("\"kind\":\"self_declared\"", body, StringComparison.Ordinal);
        Assert.Contains("\"command\":\"event\"", body, StringComparison.Ordinal);
        await staff.Context.CloseAsync();
    }
}
