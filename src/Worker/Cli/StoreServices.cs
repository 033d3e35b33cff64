using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Store.Schema;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

using Monitoring.Store;
using Monitoring.Store.Logging;

namespace Monitoring.Worker.Cli;

/// <summary>
/// The host the store verbs run in: configuration from appsettings.json and the environment
/// (<c>ConnectionStrings__Monitoring</c>), <see cref="StoreOptions"/> bound and validated at start.
/// </summary>
public static class StoreServices
{
    public static IHost Build(string? connectionOverride = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        AddStore(builder.Services, connectionOverride);
        builder.Logging.MaskResidentIds();
        return builder.Build();
    }

    private static IHost? _processHost;

    /// <summary>
    /// The store host of this CLI process, built on first use and disposed by <see cref="DisposeProcessHost"/> when the
    /// verb returns (services handed out by it stay usable for the whole verb).
    /// </summary>
    public static IHost ForProcess(string? connectionOverride) => _processHost ??= Build(connectionOverride);

    public static void DisposeProcessHost()
    {
        _processHost?.Dispose();
        _processHost = null;
    }

    /// <summary><c>ConnectionStrings:Monitoring</c> (environment: <c>ConnectionStrings__Monitoring</c>), else the dev-db default.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Monitoring") ?? StoreOptions.DefaultConnectionString;

    /// <summary>The schema owner's connection for migrations and the Quartz job store (<c>ConnectionStrings:MonitoringOwner</c>),
    /// else <see cref="ConnectionString"/>.</summary>
    public static string OwnerConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("MonitoringOwner") is { Length: > 0 } owner ? owner : ConnectionString(configuration);

    /// <summary>Registers the store (<see cref="StoreServiceCollectionExtensions.AddMonitoringStore"/>) with the connection string
    /// of <c>--connection</c>, else the configuration.</summary>
    public static void AddStore(IServiceCollection services, string? connectionOverride) =>
        services.AddMonitoringStore((options, provider) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            options.ConnectionString = connectionOverride ?? ConnectionString(configuration);
            options.OwnerConnectionString = connectionOverride ?? configuration.GetConnectionString("MonitoringOwner");
        });
}
