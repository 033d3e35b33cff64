using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Store.Leads;

namespace Monitoring.Web.Pages.Farmers;

/// <summary>
/// 查询办理进度 (public): the status of a self-declaration by its receipt number and the last 4 digits of the phone (or the
/// resident ID), the ID masked. A wrong receipt and a wrong check give the same answer; lookups are rate-limited per
/// client address.
/// </summary>
[AllowAnonymous]
public sealed class StatusModel(LeadService leads) : PageModel
{
    [BindProperty]
    public string? Receipt { get; set; }

    [BindProperty]
    public string? Check { get; set; }

    public DeclarationStatus? Found { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (string.IsNullOrWhiteSpace(Receipt) || string.IsNullOrWhiteSpace(Check))
        {
            Problem = "请填写回执号，以及手机号码后 4 位或身份证号";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Found = leads.Lookup(Receipt, Check);
        if (Found is null)
        {
            Problem = "没有找到这条申报：请核对回执号和手机号码后 4 位（或身份证号）";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        Check = null;
        return Page();
    }
}
