using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;
using Monitoring.Store.Web;

namespace Monitoring.Web.Api;

/// <summary>
/// Paging headers of a list answer: <c>X-Total-Count</c> (rows of the whole filtered list) and an RFC 8288 <c>Link</c>
/// header with <c>first</c>, <c>prev</c>, <c>next</c> and <c>last</c>, each the request's own URL with its other query
/// parameters kept and <c>page</c> (and <c>pageSize</c>) set.
/// </summary>
public static class PageLinks
{
    public static void Add(HttpContext http, ReviewPage page)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(page);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        var links = new List<string> { Link(http, 1, page.PageSize, "first") };
        if (page.Page > 1)
        {
            links.Add(Link(http, Math.Min(page.Page - 1, page.PageCount), page.PageSize, "prev"));
        }

        if (page.Page < page.PageCount)
        {
            links.Add(Link(http, page.Page + 1, page.PageSize, "next"));
        }

        links.Add(Link(http, page.PageCount, page.PageSize, "last"));
        http.Response.Headers.Link = new StringValues(string.Join(", ", links));
    }

    private static string Link(HttpContext http, int number, int pageSize, string rel)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in http.Request.Query)
        {
            if (key is "page" or "pageSize")
            {
                continue;
            }

            foreach (var value in values)
            {
                query.Add(key, value ?? "");
            }
        }

        query.Add("page", number.ToString(CultureInfo.InvariantCulture));
        query.Add("pageSize", pageSize.ToString(CultureInfo.InvariantCulture));
        return $"<{http.Request.PathBase}{http.Request.Path}{query.ToQueryString()}>; rel=\"{rel}\"";
    }
}
