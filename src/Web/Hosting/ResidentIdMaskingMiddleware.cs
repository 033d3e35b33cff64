using System.Text;
using Microsoft.AspNetCore.Http;
using Monitoring.Engine.Output;

namespace Monitoring.Web.Hosting;

/// <summary>
/// The last line of defence at the HTTP boundary: every text response (HTML pages, JSON, CSV, plain text) is scanned
/// and any resident ID number still in clear is masked (same length, so Content-Length holds). The store queries mask
/// what they return already; this catches whatever a page or endpoint adds later. Binary responses (xlsx) pass as they
/// are — their writers mask cell by cell.
/// </summary>
public sealed class ResidentIdMaskingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        if (IsText(context.Response.ContentType) && buffer.Length >= 18)
        {
            var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var masked = ResidentIdMasking.Apply(text);
            if (!ReferenceEquals(masked, text))
            {
                var bytes = Encoding.UTF8.GetBytes(masked);
                context.Response.ContentLength = bytes.Length;
                await original.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
                return;
            }
        }

        await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsText(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase) && !contentType.Contains("openxmlformats", StringComparison.OrdinalIgnoreCase));
}
