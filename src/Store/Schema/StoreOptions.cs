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

    /// <summary>
    /// The schema owner's connection (<c>ConnectionStrings:MonitoringOwner</c>) that migrations run with; empty = the same
    /// as <see cref="ConnectionString"/>. The application itself connects as the non-superuser role of
    /// <see cref="ConnectionString"/> (<c>monitoring_app</c>, docs/deployment.md).
    /// </summary>
    public string? OwnerConnectionString { get; set; }

    /// <summary>The connection migrations run with.</summary>
    public string MigrationConnectionString => string.IsNullOrWhiteSpace(OwnerConnectionString) ? ConnectionString : OwnerConnectionString;

    /// <summary>True when the owner's connection (if any) names the same host, port and database as the application's.</summary>
    public bool OwnerNamesSameDatabase()
    {
        if (string.IsNullOrWhiteSpace(OwnerConnectionString) || !IsWellFormed(OwnerConnectionString) || !IsWellFormed(ConnectionString))
        {
            return true;
        }

        var owner = new Npgsql.NpgsqlConnectionStringBuilder(OwnerConnectionString);
        var app = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return owner.Host == app.Host && owner.Port == app.Port && owner.Database == app.Database;
    }

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
