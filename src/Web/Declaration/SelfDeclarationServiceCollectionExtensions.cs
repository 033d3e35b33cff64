using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Monitoring.Web.Declaration;

/// <summary>
/// The public self-declaration pages' rate limits: ASP.NET Core's rate limiter, a fixed window per client IP address for
/// the submission (POST <c>/declare</c>) and for the status lookup (POST <c>/declare/status</c>); every other request is
/// not limited. Over the limit: 429 with a plain Chinese page saying when to try again.
/// </summary>
public static class SelfDeclarationServiceCollectionExtensions
{
    public const string SubmitPath = "/declare";
    public const string LookupPath = "/declare/status";

    public static IServiceCollection AddSelfDeclaration(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SelfDeclarationOptions>()
            .Bind(configuration.GetSection(SelfDeclarationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SelfDeclarationOptions>>((limiter, declaration) =>
        {
            var limits = declaration.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var path = context.Request.Path;
                if (path.Equals(LookupPath, StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("lookup " + client, _ => Window(limits.LookupPermitLimit, limits.LookupWindowMinutes));
                }

                return path.Equals(SubmitPath, StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter("submit " + client, _ => Window(limits.SubmitPermitLimit, limits.SubmitWindowMinutes))
                    : RateLimitPartition.GetNoLimiter("");
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var minutes = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                    ? Math.Max(1, (int)Math.Ceiling(retry.TotalMinutes))
                    : limits.SubmitWindowMinutes;
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = (minutes * 60).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(TooManyRequestsPage(minutes), cancellationToken).ConfigureAwait(false);
            };
        });
        return services;
    }

    /// <summary>The Chinese page of a 429 (no script, the site's stylesheet).</summary>
    public static string TooManyRequestsPage(int minutes) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>请稍后再试 · 防返贫动态监测</title><link rel="stylesheet" href="/css/site.css" /></head>
        <body><header class="site-header"><span class="brand">防返贫动态监测</span></header>
        <main><h1>请稍后再试</h1>
        <p class="message error" role="alert">您提交或查询的次数太多了，请 {{minutes}} 分钟后再试。已经提交成功的申报不用重复提交，记住回执号就可以查询办理进度。</p>
        <p><a href="/declare">返回自主申报</a>　<a href="/declare/status">查询办理进度</a></p></main></body></html>
        """;

    private static FixedWindowRateLimiterOptions Window(int permits, int minutes) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(minutes),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
