using Microsoft.EntityFrameworkCore;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>
/// Where the store is. Bound from <c>ConnectionStrings:Monitoring</c> (environment: <c>ConnectionStrings__Monitoring</c>);
/// the default is the project-local cluster that <c>scripts/dev-db.sh</c> starts.
/// </summary>
public sealed class StoreOptions
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=55432;Username=postgres;Database=monitoring;Include Error Detail=true";

    public string ConnectionString { get; set; } = DefaultConnectionString;

    public static bool IsWellFormed(string connectionString)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return !string.IsNullOrEmpty(builder.Host) && !string.IsNullOrEmpty(builder.Database);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static DbContextOptionsBuilder<MonitoringDbContext> Configure(DbContextOptionsBuilder<MonitoringDbContext> builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
    }

    public static DbContextOptionsBuilder<MonitoringDbContext> Configure(DbContextOptionsBuilder<MonitoringDbContext> builder, Npgsql.NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
    }
}
