using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Store.Access;
using Monitoring.Store.Web;

namespace Monitoring.Tests.Web;

/// <summary>
/// The review list filtered, counted and paged in the store: pages put together are the whole list in its order, counts
/// follow decisions and nights, filters give what filtering the whole list gives; the API's page parameters and headers;
/// the page's pager.
/// </summary>
public sealed class ReviewPagingTests : IDisposable
{
    private static readonly DateOnly Night = new(2022, 6, 15);
    private readonly MonitoringWebFactory _web = new();

    public void Dispose() => _web.Dispose();

    [Fact]
    public void Pages_filters_and_counts_agree_with_the_whole_list_through_decisions_and_nights()
    {
        var households = Enumerable.Range(1, 7).Select(i => WebStore.Flagged($"610728-80{i:00}", WebStore.Village)).ToList();
        // Two of them also lack medical insurance: a reason the others do not have.
        households[1]["members"]![0]!["medicalInsurance"] = false;
        households[4]["members"]![0]!["medicalInsurance"] = false;
        WebStore.Import(_web, Night, [.. households, WebStore.Flagged("610728-8101", WebStore.OtherVillage), WebStore.Unflagged("610728-8201", WebStore.Village)]);
        WebStore.RunNight(_web, Night);
        var reviews = _web.Services.GetRequiredService<ReviewService>();
        var village = new Caller("cun", UserRole.Village, WebStore.Village);
        var town = new Caller("zhen", UserRole.Town, WebStore.Town);

        var whole = reviews.List(village, null);
        Assert.Equal(7, whole.Count);
        Assert.Equal([.. whole.OrderBy(r => r.VillageCode, StringComparer.Ordinal).ThenBy(r => r.HouseholdId, StringComparer.Ordinal).Select(r => r.HouseholdId)],
            whole.Select(r => r.HouseholdId));
        AssertPages(reviews, village, new ReviewFilter(), whole, pageSize: 3);
        AssertPages(reviews, village, new ReviewFilter(), whole, pageSize: 7);
        AssertPages(reviews, village, new ReviewFilter(), whole, pageSize: 1);
        var beyond = reviews.Page(village, new ReviewFilter(), page: 4, pageSize: 3);
        Assert.Empty(beyond.Rows);
        Assert.Equal(7, beyond.Total);
        Assert.Equal(3, beyond.PageCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => reviews.Page(village, new ReviewFilter(), page: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => reviews.Page(village, new ReviewFilter(), pageSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => reviews.Page(village, new ReviewFilter(), pageSize: ReviewService.MaxPageSize + 1));
        Assert.Equal(ReviewService.MaxPageSize, reviews.Page(village, new ReviewFilter(), pageSize: ReviewService.MaxPageSize).PageSize);
        Assert.Throws<ArgumentException>(() => reviews.Page(village, new ReviewFilter(Status: "dismissed")));
        Assert.Throws<OutsideAreaException>(() => reviews.Page(village, new ReviewFilter(WebStore.OtherVillage)));

        // The town sees both villages, village by village; a village filter gives that village's rows.
        var townList = reviews.List(town, null);
        Assert.Equal(8, townList.Count);
        AssertPages(reviews, town, new ReviewFilter(), townList, pageSize: 5);
        AssertPages(reviews, town, new ReviewFilter(WebStore.OtherVillage), [.. townList.Where(r => r.VillageCode == WebStore.OtherVillage)], pageSize: 5);

        // A reason's rule: exactly the rows having it among their reasons; the reason choice lists every rule of the list.
        var rules = reviews.ReasonRules(village, null);
        Assert.Equal([.. whole.SelectMany(r => r.Reasons).Select(r => r.RuleId).Distinct().Order(StringComparer.Ordinal)], rules);
        var rare = rules.First(rule => whole.Count(r => r.Reasons.Any(x => x.RuleId == rule)) is > 0 and < 7);
        AssertPages(reviews, village, new ReviewFilter(Rule: rare), [.. whole.Where(r => r.Reasons.Any(x => x.RuleId == rare))], pageSize: 1);

        // Decisions: a dismissal leaves the list and its counts; a confirmation changes the status filter.
        reviews.Decide(village, whole[0].HouseholdId, ReviewStatuses.Dismiss, "其他", "核实无风险");
        reviews.Decide(village, whole[1].HouseholdId, ReviewStatuses.Confirm, null, null, Night.AddDays(1));
        var decided = reviews.List(village, null);
        Assert.Equal(6, decided.Count);
        Assert.Equal(6, reviews.Count(village, new ReviewFilter()));
        AssertPages(reviews, village, new ReviewFilter(), decided, pageSize: 4);
        AssertPages(reviews, village, new ReviewFilter(Status: ReviewStatuses.Confirmed), [decided.Single(r => r.HouseholdId == whole[1].HouseholdId)], pageSize: 4);
        AssertPages(reviews, village, new ReviewFilter(Status: ReviewStatuses.Pending), [.. decided.Where(r => r.Status == ReviewStatuses.Pending)], pageSize: 4);
        Assert.Equal(5, reviews.Count(village, new ReviewFilter(Status: ReviewStatuses.Pending)));

        // The next night: one household's findings change, so it is new since that night; the rest are not.
        WebStore.RunNight(_web, Night.AddDays(1));
        Assert.Equal(0, reviews.Count(village, new ReviewFilter(NewSinceLastNight: true)));
        var changed = households[3].DeepClone().AsObject();
        changed["members"]![0]!["medicalInsurance"] = false;
        WebStore.Import(_web, Night.AddDays(2), changed);
        WebStore.RunNight(_web, Night.AddDays(2));
        var fresh = reviews.Page(village, new ReviewFilter(NewSinceLastNight: true));
        Assert.Equal([households[3]["id"]!.GetValue<string>()], fresh.Rows.Select(r => r.HouseholdId));
        Assert.Equal(Night.AddDays(2), fresh.Rows[0].FlaggedSince);
        Assert.Equal(Night.AddDays(2), fresh.AsOf);
        Assert.Equal(reviews.List(village, null).Select(Key), reviews.Export(village, new ReviewFilter()).Select(Key));
    }

    [Fact]
    public async Task The_api_pages_with_total_and_link_headers_and_the_page_has_a_pager_that_keeps_the_filters()
    {
        WebStore.Import(_web, Night, [.. Enumerable.Range(1, 5).Select(i => WebStore.Flagged($"610728-90{i:00}", WebStore.Village))]);
        WebStore.RunNight(_web, Night);
        WebStore.AddUser(_web, "cun", "village", WebStore.Village);
        using var client = WebStore.SignedIn(_web, "cun");

        var all = JsonNode.Parse(await client.GetStringAsync("/api/v1/review"))!.AsArray();
        Assert.Equal(5, all.Count);
        var response = await client.GetAsync($"/api/v1/review?area={WebStore.Village}&page=2&pageSize=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(all.Skip(2).Take(2).Select(r => r!["householdId"]!.GetValue<string>()), page.Select(r => r!["householdId"]!.GetValue<string>()));
        Assert.Equal("5", response.Headers.GetValues("X-Total-Count").Single());
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains($"</api/v1/review?area={WebStore.Village}&page=1&pageSize=2>; rel=\"first\"", link, StringComparison.Ordinal);
        Assert.Contains($"</api/v1/review?area={WebStore.Village}&page=1&pageSize=2>; rel=\"prev\"", link, StringComparison.Ordinal);
        Assert.Contains($"</api/v1/review?area={WebStore.Village}&page=3&pageSize=2>; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains($"</api/v1/review?area={WebStore.Village}&page=3&pageSize=2>; rel=\"last\"", link, StringComparison.Ordinal);
        var last = await client.GetAsync("/api/v1/review?page=3&pageSize=2");
        Assert.Single(JsonNode.Parse(await last.Content.ReadAsStringAsync())!.AsArray());
        Assert.DoesNotContain("rel=\"next\"", last.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/review?pageSize={ReviewService.MaxPageSize + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/review?page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/review?status=other")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/review?area={WebStore.OtherVillage}&page=1")).StatusCode);
        Assert.Equal("0", (await client.GetAsync("/api/v1/review?status=confirmed")).Headers.GetValues("X-Total-Count").Single());

        // More than one page of 50 on the page: the pager links keep the filters.
        WebStore.Import(_web, Night.AddDays(1), [.. Enumerable.Range(1, 50).Select(i => WebStore.Flagged($"610728-91{i:00}", WebStore.Village))]);
        WebStore.RunNight(_web, Night.AddDays(1));
        var first = WebUtility.HtmlDecode(await client.GetStringAsync($"/review?village={WebStore.Village}"));
        Assert.Contains("共 55 户，第 1/2 页", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review?village={WebStore.Village}&rule=&new=false&status=&p=2\" rel=\"next\"", first, StringComparison.Ordinal);
        var second = WebUtility.HtmlDecode(await client.GetStringAsync($"/review?village={WebStore.Village}&p=2"));
        Assert.Contains("第 2 页，共 2 页", second, StringComparison.Ordinal);
        Assert.Equal(5, second.Split("data-household=", StringSplitOptions.None).Length - 1);
        // "New since last night" on the page gives what filtering the whole list by its flagged-since date gives.
        var everything = JsonNode.Parse(await client.GetStringAsync($"/api/v1/review?pageSize={ReviewService.MaxPageSize}"))!.AsArray();
        Assert.Equal(55, everything.Count);
        var sinceLastNight = everything.Count(r => r!["flaggedSince"]!.GetValue<string>() == "2022-06-16");
        Assert.True(sinceLastNight > 0, "nothing flagged since the last night");
        var newOnly = WebUtility.HtmlDecode(await client.GetStringAsync($"/review?village={WebStore.Village}&new=true"));
        Assert.Contains($"共 {sinceLastNight} 户", newOnly, StringComparison.Ordinal);
        Assert.Contains("checked=\"checked\"", newOnly, StringComparison.Ordinal);
        var confirmedOnly = WebUtility.HtmlDecode(await client.GetStringAsync($"/review?village={WebStore.Village}&status=confirmed"));
        Assert.Contains("共 0 户", confirmedOnly, StringComparison.Ordinal);
        var xlsx = await client.GetAsync($"/review?handler=xlsx&village={WebStore.Village}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        Assert.Equal(2 + 55, rows);
    }

    private static void AssertPages(ReviewService reviews, Caller caller, ReviewFilter filter, IReadOnlyList<ReviewRow> expected, int pageSize)
    {
        var seen = new List<ReviewRow>();
        var count = (expected.Count + pageSize - 1) / pageSize;
        for (var number = 1; number <= Math.Max(count, 1); number++)
        {
            var page = reviews.Page(caller, filter, number, pageSize);
            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(Math.Max(count, 1), page.PageCount);
            Assert.True(page.Rows.Count <= pageSize);
            seen.AddRange(page.Rows);
        }

        Assert.Equal(expected.Select(Key), seen.Select(Key));
        Assert.Equal(expected.Count, reviews.Count(caller, filter));
    }

    private static string Key(ReviewRow row) =>
        $"{row.HouseholdId} {row.VillageCode} {row.Status} {row.FlaggedSince} {row.OutcomeHash} {row.HeadName} {row.CandidateType} {string.Join(",", row.Reasons.Select(r => r.RuleId + ":" + r.Explanation))} {row.LastDismissal?.Id}";
}
