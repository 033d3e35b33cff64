using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Store.Cases;
using Monitoring.Store.Web;
using Monitoring.Web.Paging;
using Monitoring.Web.Security;

namespace Monitoring.Web.Pages;

/// <summary>到期事项: the due list of the caller's village, town or county (or an area inside it), groupable by helper; xlsx (an export in the access log).</summary>
[Authorize(Policy = MonitoringPolicies.Read)]
public sealed class DueModel(AreaCaseLists lists, PageDates dates, AccessLog accessLog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Within { get; set; } = 7;

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    /// <summary>helper: one section per helper; otherwise one list by deadline.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    public DateOnly Date { get; private set; }

    public string AreaName { get; private set; } = "";

    public IReadOnlyList<DueItem> Items { get; private set; } = [];

    public bool ByHelper => Group == "helper";

    public IEnumerable<IGrouping<string, DueItem>> HelperGroups =>
        Items.GroupBy(i => i.HelperName).OrderByDescending(g => g.Count(i => i.Obligation.Status == ObligationStatus.Overdue)).ThenBy(g => g.Key, StringComparer.Ordinal);

    public void OnGet() => Load();

    public IActionResult OnGetXlsx()
    {
        Load();
        var area = this.CallerOf().ListArea(Area);
        return this.Xlsx(accessLog, area, $"due xlsx {CaseCommand.Text(Date)} within {Within} rows {Items.Count}", $"到期事项-{area}-{CaseCommand.Text(Date)}.xlsx",
            buffer => TableXlsxWriter.Write(buffer, DueColumns.SheetName, DueColumns.Title(AreaName, Date, Within), DueColumns.Headers,
                Items.Select(i => DueColumns.Cells(i.Obligation, i.Household, Date)), DueColumns.Widths));
    }

    public static string StatusClass(ObligationStatus status) => status switch
    {
        ObligationStatus.Overdue => "status status-overdue",
        ObligationStatus.Open => "status status-open",
        _ => "status",
    };

    private void Load()
    {
        var caller = this.CallerOf();
        Date = dates.Resolve(AsOf);
        Items = lists.Due(caller, Area, Date, Within);
        AreaName = lists.AreaName(caller, Area) ?? caller.ListArea(Area);
    }
}
