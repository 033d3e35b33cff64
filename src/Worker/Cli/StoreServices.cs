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
        return builder.Build();
    }

    /// <summary><c>ConnectionStrings:Monitoring</c> (environment: <c>ConnectionStrings__Monitoring</c>), else the dev-db default.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Monitoring") ?? StoreOptions.DefaultConnectionString;

    /// <summary>Registers <see cref="StoreOptions"/> (bound, validated at start) and the EF Core context factory.</summary>
    public static void AddStore(IServiceCollection services, string? connectionOverride)
    {
        services.AddOptions<StoreOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = connectionOverride ?? ConnectionString(configuration))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "ConnectionStrings:Monitoring 不能为空")
            .Validate(o => StoreOptions.IsWellFormed(o.ConnectionString), "ConnectionStrings:Monitoring 不是有效的 PostgreSQL 连接串")
            .ValidateOnStart();
        services.AddDbContextFactory<MonitoringDbContext>((provider, options) =>
            StoreOptions.Configure((DbContextOptionsBuilder<MonitoringDbContext>)options, provider.GetRequiredService<IOptions<StoreOptions>>().Value.ConnectionString));
    }
}
