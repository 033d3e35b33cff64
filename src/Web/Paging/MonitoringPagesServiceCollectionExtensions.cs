using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Rules.Catalog;
using Monitoring.Store.Cases;
using Npgsql;
using Monitoring.Rules.Loading;
using Monitoring.Store.Web;
using Monitoring.Web.Sources;

namespace Monitoring.Web.Paging;

/// <summary>What the pages need besides the store and security: the source document table, the page queries, the notice
/// settings and the filter that turns store refusals into 403/404.</summary>
public static class MonitoringPagesServiceCollectionExtensions
{
    public static IServiceCollection AddMonitoringPages(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(_ => SourceDocuments.Load(RuleCatalogLoader.Locate(configuration["Nightly:RulesDirectory"])));
        services.TryAddSingleton(provider => new CaseService(provider.GetRequiredService<RuleCatalog>(), provider.GetRequiredService<NpgsqlDataSource>(), null));
        services.AddSingleton<PageDates>();
        services.AddSingleton<ScopedCaseCommands>();
        services.AddSingleton<HouseholdNightHistory>();
        services.AddOptions<NoticeOptions>().Bind(configuration.GetSection(NoticeOptions.Section));
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<StoreExceptionPageFilter>());
        return services;
    }
}
