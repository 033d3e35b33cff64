using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Web.Declaration;
using Monitoring.Web.Health;
using Monitoring.Web.Hosting;
using Monitoring.Web.Paging;
using Monitoring.Web.Security;

namespace Monitoring.Web;

/// <summary>
/// Registers the web application (Razor Pages, the JSON API, OpenAPI, health checks) on top of the store services
/// (<c>AddMonitoringStore</c>, registered by the host).
/// </summary>
public static class MonitoringWebServiceCollectionExtensions
{
    public static WebApplicationBuilder AddMonitoringWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMonitoringWeb(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddMonitoringWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMonitoringWebSecurity(configuration);
        services.AddMonitoringPages(configuration);
        services.AddSelfDeclaration(configuration);
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Pages";
                // Every page needs a signed-in user unless it says otherwise ([AllowAnonymous]: sign-in, access denied).
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AllowAnonymousToFolder("/Farmers");
            })
            .AddApplicationPart(typeof(MonitoringWebServiceCollectionExtensions).Assembly);
        services.AddOpenApi("v1");
        services.AddMonitoringTelemetry(configuration);
        services.AddHealthChecks()
            .AddCheck<StoreReadyHealthCheck>("store", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
