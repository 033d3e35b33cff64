using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Store.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Monitoring.Web.Hosting;

/// <summary>
/// OpenTelemetry metrics: ASP.NET Core requests (http.server.request.duration …), Kestrel, and the nightly runs
/// (<see cref="RunMetrics.MeterName"/>). Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or
/// <c>OpenTelemetry:OtlpEndpoint</c>) is set; otherwise collected in-process only.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddMonitoringTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration["OpenTelemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("monitoring"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", RunMetrics.MeterName);
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    metrics.AddOtlpExporter(options => options.Endpoint = new Uri(endpoint));
                }
            });
        return services;
    }
}
