using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Engine.Cases;
using Monitoring.Rules.Codes;
using Monitoring.Store.Cases;
using Monitoring.Store.Leads;
using Monitoring.Web.Paging;
using Monitoring.Web.Security;

namespace Monitoring.Web.Pages;

/// <summary>
/// 线索: the leads of the caller's area (self-declarations, department warnings, village reports), newest first, filtered by
/// village and status; staff who write verify each pending lead once — 确认 records the household event, 排除 needs a reason.
/// Every list view and decision is in the access log (by <see cref="LeadService"/>).
/// </summary>
[Authorize(Policy = MonitoringPolicies.Read)]
public sealed class LeadsModel(LeadService leads, AreaCaseLists lists) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = LeadStatuses.Pending;

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public IReadOnlyList<LeadRow> Rows { get; private set; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Villages { get; private set; } = [];

    public bool CanDecide { get; private set; }

    public static IReadOnlyList<DomainCode> Statuses => DomainLabels.LeadStatuses.Codes;

    public void OnGet()
    {
        var caller = this.CallerOf();
        CanDecide = caller.CanWrite;
        Villages = lists.Villages(caller);
        Rows = leads.List(caller, string.IsNullOrEmpty(Village) ? null : Village, string.IsNullOrEmpty(Status) ? null : Status);
    }

    public IActionResult OnPostConfirm(long id, string? householdId) => Decide(id, caller =>
    {
        var lead = leads.Confirm(caller, id, householdId);
        return lead is null ? null : $"已确认线索 #{id}：农户 {lead.History[^1].HouseholdId} 已登记“{(lead.Source == LeadSourceKinds.DepartmentWarning ? "部门预警" : "农户自主申报")}”事件（{lead.RaisedOn:yyyy-MM-dd}），下一次夜间评估将读取";
    });

    public IActionResult OnPostReject(long id, string? reason) => Decide(id, caller =>
        leads.Reject(caller, id, reason) is { } lead ? $"已排除线索 #{id}：{lead.Reason}" : null);

    public static string StatusClass(string status) => status switch
    {
        LeadStatuses.Confirmed => "status status-confirmed",
        LeadStatuses.Rejected => "status status-dismissed",
        _ => "status status-pending",
    };

    private IActionResult Decide(long id, Func<Monitoring.Store.Access.Caller, string?> decide)
    {
        var caller = this.CallerOf();
        try
        {
            if (decide(caller) is not { } message)
            {
                return NotFound();
            }

            Message = message;
        }
        catch (Exception ex) when (ex is LeadRejectedException or CaseRejectedException or ArgumentException)
        {
            Problem = ex is ArgumentException ? ex.Message.Split(" (Parameter", StringSplitOptions.None)[0] : ex.Message;
        }

        return RedirectToPage(new { Village, Status });
    }
}
