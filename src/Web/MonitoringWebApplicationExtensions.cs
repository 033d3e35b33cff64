using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Monitoring.Web.Api;
using Monitoring.Web.Health;
using Monitoring.Web.Hosting;

namespace Monitoring.Web;

/// <summary>The web application's request pipeline and endpoints: security headers, static assets from wwwroot, routing,
/// authentication and authorization, antiforgery, Razor Pages, the JSON API, OpenAPI and health.</summary>
public static class MonitoringWebApplicationExtensions
{
    public static WebApplication MapMonitoringWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMonitoringWeb();
        return app;
    }

    /// <summary>The same pipeline on any <see cref="IApplicationBuilder"/> (the service's WebApplication, or a test host).</summary>
    public static IApplicationBuilder UseMonitoringWeb(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        var assets = new PhysicalFileProvider(WebRoot.Locate());
        environment.WebRootFileProvider = assets;
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<ResidentIdMaskingMiddleware>();
        // Pages answer 403/404 with a Chinese page (the API keeps its JSON bodies).
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = assets });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapMonitoringHealth();
            endpoints.MapOpenApi("/openapi/{documentName}.json");
            endpoints.MapMonitoringApi();
            endpoints.MapLeadApi();
            endpoints.MapRazorPages();
        });
        return app;
    }
}
