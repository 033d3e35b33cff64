using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Loading;
using Monitoring.Store.Schema;
using Monitoring.Web;
using Monitoring.Worker.Cli;
using Quartz;
using Monitoring.Store.Logging;

namespace Monitoring.Worker.Service;

/// <summary>
/// The long-running service: applies migrations, loads and validates the rules at start-up (a broken rule file stops
/// it), runs the nightly evaluation on a Quartz schedule kept in a clustered job store on the same PostgreSQL, and
/// serves the web application (Kestrel) in the same process; either part can be switched off.
/// </summary>
public static class WorkerHost
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The scheduler only (no web server).</summary>
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.MaskResidentIds();
        AddCore(builder.Services, builder.Configuration);
        AddNightlySchedule(builder.Services, builder.Configuration);
        return builder.Build();
    }

    /// <summary>The web application, with the nightly schedule unless <paramref name="scheduler"/> is false.</summary>
    public static WebApplication BuildWeb(string[] args, string urls, bool scheduler)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        builder.Logging.MaskResidentIds();
        AddCore(builder.Services, builder.Configuration);
        if (scheduler)
        {
            AddNightlySchedule(builder.Services, builder.Configuration);
        }

        builder.AddMonitoringWeb();
        var app = builder.Build();
        app.MapMonitoringWeb();
        return app;
    }

    /// <summary>The store, the validated nightly options, the rule catalogue (loaded and checked at start) and the
    /// start-up migration: what the scheduler and the web application share.</summary>
    public static void AddCore(IServiceCollection services, IConfiguration configuration)
    {
        StoreServices.AddStore(services, null);
        services.AddOptions<NightlyOptions>()
            .Bind(configuration.GetSection(NightlyOptions.Section))
            .Validate(o => CronExpression.TryParse(o.Cron, out _), "Nightly:Cron 不是有效的 Quartz cron 表达式")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Nightly:TimeZone 不是已知的时区")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<NightlyOptions>>().Value;
            var catalog = RuleCatalogLoader.Load(RuleCatalogLoader.Locate(options.RulesDirectory));
            _ = catalog.ForProfile(options.Profile);
            return catalog;
        });
        services.AddHostedService<StartupMigration>();
    }

    public static void AddNightlySchedule(IServiceCollection services, IConfiguration configuration)
    {
        var nightly = configuration.GetSection(NightlyOptions.Section).Get<NightlyOptions>() ?? new NightlyOptions();
        var connectionString = StoreServices.OwnerConnectionString(configuration);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "monitoring-nightly";
                scheduler.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering();
                store.ProvisionSchema();
            });
            quartz.AddJob<NightlyEvaluationJob>(job => job.WithIdentity(NightlyEvaluationJob.Key).StoreDurably().DisallowConcurrentExecution());
            quartz.AddTrigger(trigger => trigger
                .ForJob(NightlyEvaluationJob.Key)
                .WithIdentity("nightly-evaluation-trigger", "monitoring")
                .WithSchedule(CronScheduleBuilder.Create(nightly.Cron)
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(nightly.TimeZone))
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }

    /// <summary>Applies pending migrations before the scheduler starts.</summary>
    private sealed class StartupMigration(StoreMigrator migrator) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken) =>
            await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
