using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Rules.Catalog;
using Monitoring.Store.Web;
using Microsoft.Extensions.Options;
using Monitoring.Store.Cases;
using Monitoring.Store.Exporting;
using Monitoring.Store.History;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Replay;
using Monitoring.Store.RuleSets;
using Monitoring.Store.Runs;
using Monitoring.Store.Schema;
using Npgsql;

namespace Monitoring.Store;

/// <summary>Registers the store: options (validated at start), one <see cref="NpgsqlDataSource"/>, the EF Core context
/// factory over it, the clock, and the store services the CLI verbs, the Quartz job and the web pages call.</summary>
public static class StoreServiceCollectionExtensions
{
    public static IServiceCollection AddMonitoringStore(this IServiceCollection services, Action<StoreOptions, IServiceProvider> configure)
    {
        services.AddOptions<StoreOptions>()
            .Configure<IServiceProvider>((options, provider) => configure(options, provider))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "ConnectionStrings:Monitoring 不能为空")
            .Validate(o => StoreOptions.IsWellFormed(o.ConnectionString), "ConnectionStrings:Monitoring 不是有效的 PostgreSQL 连接串")
            .Validate(o => o.OwnerNamesSameDatabase(), "ConnectionStrings:MonitoringOwner 与 ConnectionStrings:Monitoring 必须指向同一主机、端口和数据库")
            .ValidateOnStart();
        services.AddSingleton(provider => StoreDataSource.Create(provider.GetRequiredService<IOptions<StoreOptions>>().Value.ConnectionString));
        services.AddDbContextFactory<MonitoringDbContext>((provider, options) =>
            StoreOptions.Configure((DbContextOptionsBuilder<MonitoringDbContext>)options, provider.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HouseholdImporter>();
        services.AddSingleton<FindingsExporter>();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<RunLedger>();
        services.AddSingleton<RuleSetArchive>();
        services.AddSingleton<NightlyRuns>();
        services.AddSingleton<RunQueries>();
        services.AddSingleton<ReplayService>();
        services.AddSingleton<HouseholdHistory>();
        services.AddSingleton<StoreMigrator>();
        services.TryAddSingleton(provider => new CaseService(provider.GetRequiredService<RuleCatalog>(), provider.GetRequiredService<NpgsqlDataSource>(), null));
        services.AddSingleton<AccessLog>();
        services.AddSingleton<HouseholdQueries>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<Cases.AreaCaseLists>();
        services.AddSingleton<Statistics.AreaStatistics>();
        services.AddSingleton<ExplainQueries>();
        services.AddSingleton<Monitoring.Store.Telemetry.RunMetrics>();
        services.AddSingleton<Department.DepartmentDeliveryStore>();
        services.AddSingleton<Leads.LeadService>();
        return services;
    }
}
