using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Store.Access;
using Monitoring.Web.Security;

namespace Monitoring.Web.Paging;

/// <summary>The signed-in caller of a page (pages are authorized, so a missing caller is a configuration error).</summary>
public static class PageCaller
{
    public static Caller CallerOf(this PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.HttpContext.Caller() ?? throw new NotPermittedException("未登录或账号缺少角色与辖区");
    }
}
