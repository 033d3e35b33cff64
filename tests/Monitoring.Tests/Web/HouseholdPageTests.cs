using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Web;

/// <summary>
/// The 农户 page: members with the Chinese labels of DomainLabels, the change-log timeline (what changed, when, by which
/// import or command — the text <c>history</c> prints), resident IDs masked, and another area's household not found.
/// </summary>
public sealed partial class HouseholdPageTests : IDisposable
{
    private static readonly DateOnly Night = new(2022, 6, 15);
    private readonly MonitoringWebFactory _web = new();

    public void Dispose() => _web.Dispose();

    [Fact]
    public async Task The_household_page_shows_labelled_members_and_the_change_log_with_ids_masked()
    {
        WebStore.Import(_web, Night, WebStore.Flagged("610728-5101", WebStore.Village), WebStore.Flagged("610728-5201", WebStore.OtherVillage));
        var changed = WebStore.Flagged("610728-5101", WebStore.Village);
        changed["members"]![1]!["health"] = "chronic";
        WebStore.Import(_web, Night.AddDays(1), changed);
        WebStore.RunNight(_web, Night.AddDays(1));
        WebStore.AddUser(_web, "cun", "village", WebStore.Village);
        using var client = WebStore.SignedIn(_web, "cun");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/households/610728-5101/review",
            new { decision = "confirm", date = "2022-06-16" })).StatusCode);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/households/610728-5101"));
        Assert.Empty(ResidentIdScanner.Find(page));
        var members = page[page.IndexOf("家庭成员", StringComparison.Ordinal)..page.IndexOf("id=\"findings\"", StringComparison.Ordinal)];
        foreach (var label in new[] { "户主", "子女", "男", "女", "健康", "长期慢性病", "普通劳动力", "无劳动力" })
        {
            Assert.Contains($"<td>{label}</td>", members, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<td>head</td>", members, StringComparison.Ordinal);
        var changes = page[page.IndexOf("id=\"changes\"", StringComparison.Ordinal)..];
        var entries = ChangeEntry().Matches(changes).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains("案件登记 open", entries[0], StringComparison.Ordinal);
        Assert.Contains("所述日期 2022-06-16", entries[0], StringComparison.Ordinal);
        Assert.Contains("导入", entries[1], StringComparison.Ordinal);
        Assert.Contains("所述日期 2022-06-16", entries[1], StringComparison.Ordinal);
        Assert.Contains("导入", entries[2], StringComparison.Ordinal);
        Assert.Contains("首次建立本户记录", changes, StringComparison.Ordinal);
        Assert.Contains("chronic", changes, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/households/610728-5201")).StatusCode);
    }

    [GeneratedRegex("<strong>(#\\d+ [^<]*)</strong>")]
    private static partial Regex ChangeEntry();
}
