using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Monitoring.Store.Access;

namespace Monitoring.Web.Paging;

/// <summary>
/// Turns the store's refusals into the pages' answers: a list outside the caller's area or a role without the right is
/// 403, a household the caller may not see (or that does not exist) is 404 — the same answer, so its existence is not
/// revealed; a malformed parameter is 400.
/// </summary>
public sealed class StoreExceptionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next().ConfigureAwait(false);
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            return;
        }

        int? status = executed.Exception switch
        {
            OutsideAreaException or NotPermittedException => StatusCodes.Status403Forbidden,
            KeyNotFoundException => StatusCodes.Status404NotFound,
            ArgumentException => StatusCodes.Status400BadRequest,
            _ => null,
        };
        if (status is { } code)
        {
            executed.Result = new StatusCodeResult(code);
            executed.ExceptionHandled = true;
        }
    }
}
