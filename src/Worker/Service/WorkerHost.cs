using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Rules.Loading;
using Monitoring.Worker.Cli;
using Quartz;
using Monitoring.Store.Schema;
using Monitoring.Store.Logging;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Service;

/// <summary>
/// The long-running worker: applies migrations, loads and validates the rules at start-up (a broken rule file stops
/// it), and runs the nightly evaluation on a Quartz schedule kept in a clustered job store on the same PostgreSQL.
/// </summary>
public static class WorkerHost
{
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        StoreServices.AddStore(builder.Services, null);
        builder.Services.AddOptions<NightlyOptions>()
            .Bind(builder.Configuration.GetSection(NightlyOptions.Section))
            .Validate(o => CronExpression.TryParse(o.Cron, out _), "Nightly:Cron 不是有效的 Quartz cron 表达式")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Nightly:TimeZone 不是已知的时区")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<NightlyOptions>>().Value;
            var catalog = RuleCatalogLoader.Load(RuleCatalogLoader.Locate(options.RulesDirectory));
            _ = catalog.ForProfile(options.Profile);
            return catalog;
        });

        var nightly = builder.Configuration.GetSection(NightlyOptions.Section).Get<NightlyOptions>() ?? new NightlyOptions();
        var connectionString = StoreServices.ConnectionString(builder.Configuration);
        builder.Services.AddQuartz(quartz =>
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
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<StartupMigration>();
        builder.Logging.MaskResidentIds();
        return builder.Build();
    }

    /// <summary>Applies pending migrations before the scheduler starts.</summary>
    private sealed class StartupMigration(IDbContextFactory<MonitoringDbContext> factory) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
