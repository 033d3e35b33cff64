using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Store.Web;
using Monitoring.Web.Security;

namespace Monitoring.Web.Paging;

/// <summary>
/// How a page sends a workbook it builds in memory (到期事项, 公示 as .xlsx): the workbook is written whole, the export is
/// appended to the access log (who, when, which list, the area, how many rows, from where) and only then sent. 待核查
/// streams its whole filtered list through a temporary file and appends the same export row.
/// </summary>
public static class XlsxDownloads
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static FileContentResult Xlsx(this PageModel page, AccessLog accessLog, string areaCode, string detail, string fileName, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(accessLog);
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        write(buffer);
        accessLog.Append(page.CallerOf(), AccessActions.Export, null, areaCode, detail);
        return page.File(buffer.ToArray(), ContentType, fileName);
    }
}
