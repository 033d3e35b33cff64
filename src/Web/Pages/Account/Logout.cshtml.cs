using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Web.Security;

namespace Monitoring.Web.Pages.Account;

/// <summary>退出: signs out (POST with antiforgery only) and returns to the login page.</summary>
public sealed class LogoutModel(SignInManager<MonitoringUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync().ConfigureAwait(false);
        return RedirectToPage("/Account/Login");
    }
}
