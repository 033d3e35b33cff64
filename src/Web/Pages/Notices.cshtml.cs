using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Store.Cases;
using Monitoring.Store.Web;
using Monitoring.Web.Paging;
using Monitoring.Web.Security;

namespace Monitoring.Web.Pages;

/// <summary>
/// 公示: the printable notice a village posts on a date — title with the notice period, issuing village committee,
/// posting date, objection contact (settings <c>Notice:ObjectionContact</c>), and the households whose notice runs on that
/// date (head's name, household size, proposal, reason categories; no ID numbers); xlsx (an export in the access log).
/// </summary>
[Authorize(Policy = MonitoringPolicies.Read)]
public sealed class NoticesModel(AreaCaseLists lists, PageDates dates, IOptions<NoticeOptions> options, AccessLog accessLog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    public DateOnly Date { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string>> Villages { get; private set; } = [];

    public string VillageName { get; private set; } = "";

    public IReadOnlyList<NoticeItem> Items { get; private set; } = [];

    public string ObjectionContact => options.Value.ObjectionContact is { Length: > 0 } contact ? contact : $"{VillageName}村民委员会";

    public DateOnly? PeriodFrom => Items.Count == 0 ? null : Items.Min(i => i.Entry.NoticeFrom);

    public DateOnly? PeriodUntil => Items.Where(i => i.Entry.NoticeUntil is not null).Select(i => i.Entry.NoticeUntil).Max();

    public string Title => $"{VillageName}防返贫动态监测对象公示";

    public void OnGet() => Load();

    public IActionResult OnGetXlsx()
    {
        Load();
        if (Village is null)
        {
            return BadRequest();
        }

        return this.Xlsx(accessLog, Village, $"notice xlsx {CaseCommand.Text(Date)} rows {Items.Count}", $"公示名单-{Village}-{CaseCommand.Text(Date)}.xlsx",
            buffer => TableXlsxWriter.Write(buffer, NoticeListColumns.SheetName, NoticeListColumns.Title(VillageName, Date), NoticeListColumns.Headers,
                Items.Select((i, n) => NoticeListColumns.Cells(i.Entry, n + 1)), NoticeListColumns.Widths));
    }

    private void Load()
    {
        var caller = this.CallerOf();
        Date = dates.Resolve(AsOf);
        Villages = lists.Villages(caller);
        Village ??= caller.AreaCode.Length == 12 ? caller.AreaCode : Villages.Count == 1 ? Villages[0].Key : null;
        if (Village is null)
        {
            return;
        }

        Items = lists.Notice(caller, Village, Date);
        VillageName = lists.AreaName(caller, Village) ?? Village;
    }
}
