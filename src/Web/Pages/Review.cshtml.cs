using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Findings;
using Monitoring.Engine.Formats;
using Monitoring.Rules.Catalog;
using Monitoring.Store.Access;
using Monitoring.Store.Cases;
using Monitoring.Store.Runs;
using Monitoring.Store.Web;
using Monitoring.Web.Paging;
using Monitoring.Web.Security;

namespace Monitoring.Web.Pages;

/// <summary>
/// 待核查: one row per flagged household of the caller's area (head's name, village, category, candidate type, every
/// reason's sentence, flagged since, status); filters by village, reason and "new since last night", filtered and paged in
/// the store (50 rows a page, pager links keep the filters); xlsx of the whole filtered list; 确认 (opens the case) and
/// 排除 (reason category and text) as forms with antiforgery.
/// </summary>
[Authorize(Policy = MonitoringPolicies.Read)]
public sealed class ReviewModel(ReviewService reviews, AreaCaseLists lists, RunQueries runs, RuleCatalog catalog, AccessLog accessLog, PageDates dates) : PageModel
{
    /// <summary>The reason categories a dismissal is filed under.</summary>
    public static IReadOnlyList<string> DismissalCategories { get; } = ["经核实无返贫致贫风险", "数据有误已更正", "收入或支出已恢复正常", "已落实帮扶措施", "重复预警", "其他"];

    private static readonly string[] XlsxHeaders = ["户编码", "户主姓名", "村", "类别", "候选类型", "预警原因", "预警起始", "状态"];
    private static readonly double[] XlsxWidths = [16, 10, 12, 10, 14, 80, 12, 24];

    [BindProperty(SupportsGet = true)]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool New { get; set; }

    /// <summary>Only one status: <c>pending</c> (待核查) or <c>confirmed</c> (已确认); empty: both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The page number (query <c>p</c>, from 1; <c>page</c> is a route value of Razor Pages).</summary>
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    /// <summary>The rows of this page.</summary>
    public IReadOnlyList<ReviewRow> Rows { get; private set; } = [];

    /// <summary>The number of rows of the whole filtered list.</summary>
    public long Total { get; private set; }

    public int PageCount { get; private set; } = 1;

    public IReadOnlyList<KeyValuePair<string, string>> Villages { get; private set; } = [];

    public IReadOnlyList<string> ReasonRules { get; private set; } = [];

    public StoredRun? LastNight { get; private set; }

    public bool CanDecide { get; private set; }

    public void OnGet() => Load();

    /// <summary>The whole filtered list (every page) as a workbook, read from the store in chunks and written to a temporary file sent as it is read.</summary>
    public IActionResult OnGetXlsx()
    {
        var caller = this.CallerOf();
        Villages = lists.Villages(caller);
        LastNight = runs.LatestCompleted();
        var rows = 0;
        var path = Path.Combine(Path.GetTempPath(), $"{Monitoring.Engine.Output.TemporaryFiles.Prefix("review")}{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                TableXlsxWriter.Write(file, "待核查", $"防返贫监测待核查名单（{LastNight?.AsOf:yyyy-MM-dd} 夜间评估）", XlsxHeaders,
                    reviews.Export(caller, Filter()).Select(r =>
                    {
                        rows++;
                        return (IReadOnlyList<string>)[r.HouseholdId, r.HeadName, VillageName(r.VillageCode), CaseTexts.Category(r.Category), CandidateType.Zh(r.CandidateType),
                            string.Join("；", r.Reasons.Select(x => x.Explanation)), r.FlaggedSince.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StatusZh(r)];
                    }),
                    XlsxWidths);
            }

            accessLog.Append(caller, AccessActions.Export, null, caller.ListArea(Village), $"review xlsx {rows}");
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
            return File(stream, XlsxDownloads.ContentType, $"待核查-{Village ?? caller.AreaCode}.xlsx");
        }
        catch
        {
            Monitoring.Engine.Output.TemporaryFiles.TryDelete(path);
            throw;
        }
    }

    /// <summary>The link to another page of the list with the same filters.</summary>
    public string PageLink(int number) =>
        $"/review?village={Uri.EscapeDataString(Village ?? "")}&rule={Uri.EscapeDataString(Rule ?? "")}&new={(New ? "true" : "false")}&status={Uri.EscapeDataString(Status ?? "")}&p={number}";

    public IActionResult OnPostConfirm(string householdId) => Decide(householdId, ReviewStatuses.Confirm, null, null);

    public IActionResult OnPostDismiss(string householdId, string? category, string? reason) => Decide(householdId, ReviewStatuses.Dismiss, category, reason);

    public string VillageName(string? code) => Villages.FirstOrDefault(v => v.Key == code).Value ?? code ?? "";

    public string RuleTitle(string ruleId) => catalog.Rules.FirstOrDefault(r => r.Id == ruleId)?.TitleZh ?? ruleId;

    public static string StatusZh(ReviewRow row) => row.Status switch
    {
        ReviewStatuses.Confirmed => "已确认立案",
        _ when row.LastDismissal is { } d => $"待核查（{d.DecidedAt:yyyy-MM-dd} 曾排除：{d.Reason}；预警结果已变化）",
        _ => "待核查",
    };

    private IActionResult Decide(string householdId, string decision, string? category, string? reason)
    {
        var caller = this.CallerOf();
        try
        {
            var row = reviews.Decide(caller, householdId, decision, category, reason, dates.Resolve(null));
            if (row is null)
            {
                return NotFound();
            }

            Message = decision == ReviewStatuses.Confirm ? $"已确认 {householdId} 并立案（识别程序已开始）" : $"已排除 {householdId}：{reason?.Trim()}";
        }
        catch (Exception ex) when (ex is ReviewRejectedException or CaseRejectedException or ArgumentException)
        {
            Problem = ex is ArgumentException ? ex.Message.Split(" (Parameter", StringSplitOptions.None)[0] : ex.Message;
        }

        return RedirectToPage(new { Village, Rule, New, Status, p = PageNumber });
    }

    private ReviewFilter Filter() => new(Village, Rule, New && LastNight is not null,
        Status is ReviewStatuses.Pending or ReviewStatuses.Confirmed ? Status : null);

    private void Load()
    {
        var caller = this.CallerOf();
        CanDecide = caller.CanWrite;
        Villages = lists.Villages(caller);
        LastNight = runs.LatestCompleted();
        ReasonRules = reviews.ReasonRules(caller, Village);
        PageNumber = Math.Max(1, PageNumber);
        var page = reviews.Page(caller, Filter(), PageNumber, ReviewService.DefaultPageSize);
        if (page.Rows.Count == 0 && page.Total > 0 && PageNumber > page.PageCount)
        {
            // A page past the end (the list shrank since the link was made): show the last one.
            PageNumber = page.PageCount;
            page = reviews.Page(caller, Filter(), PageNumber, ReviewService.DefaultPageSize);
        }

        Rows = page.Rows;
        Total = page.Total;
        PageCount = page.PageCount;
    }
}
