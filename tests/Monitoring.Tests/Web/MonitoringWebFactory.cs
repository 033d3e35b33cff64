using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Tests.Store;
using Monitoring.Web;
using Monitoring.Worker.Service;

namespace Monitoring.Tests.Web;

/// <summary>
/// The web application as <c>monitoring service --no-scheduler</c> composes it (store, rules, start-up migration as the
/// owner, web), on a fresh PostgreSQL database of <see cref="PostgresFixture"/>, connecting as <c>monitoring_app</c>.
/// Clients talk https so the secure cookies are kept.
/// </summary>
public sealed class MonitoringWebFactory : WebApplicationFactory<MonitoringWebFactory>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">Configuration over the defaults (e.g. lower rate limits).</param>
    public MonitoringWebFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        Db = new PostgresFixture().Migrated();
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public PostgresFixture Db { get; }

    protected override IHostBuilder CreateHostBuilder() => Host.CreateDefaultBuilder()
        .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Monitoring"] = Db.AppConnectionString,
            ["ConnectionStrings:MonitoringOwner"] = Db.ConnectionString,
            ["Nightly:RulesDirectory"] = Monitoring.Tests.Support.TestPaths.Rules,
        }).AddInMemoryCollection(_settings))
        .ConfigureWebHostDefaults(web =>
        {
            web.ConfigureServices((context, services) =>
            {
                WorkerHost.AddCore(services, context.Configuration);
                services.AddMonitoringWeb(context.Configuration);
            });
            web.Configure(app => app.UseMonitoringWeb());
        });

    /// <summary>The content root, and a client address as Kestrel would give one (the test server has none).</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory)
        .ConfigureServices(services => services.AddSingleton<IStartupFilter, LoopbackClientAddress>());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Db.Dispose();
        }
    }
}
