using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Monitoring.Web.Pages;

/// <summary>The body of a page's error status (404: not found or not in your area — the same words, so nothing is revealed).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Code { get; set; }

    public string Heading => Code switch
    {
        404 => "未找到",
        403 => "无权访问",
        400 => "请求有误",
        401 => "请先登录",
        _ => "出错了",
    };

    public string Explanation => Code switch
    {
        404 => "没有这个农户或页面，或它不在您的辖区内。",
        403 => "您的角色或辖区不能查看或办理此项。",
        400 => "请检查输入的地区编码、日期等参数。",
        _ => "请稍后再试或联系管理员。",
    };
}
