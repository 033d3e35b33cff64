using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Monitoring.Store.Schema;

/// <summary>
/// Applies the store's migrations as the schema owner (<see cref="StoreOptions.MigrationConnectionString"/>) and then
/// grants the application role its privileges on every table (append-only evidence: SELECT and INSERT only).
/// </summary>
public sealed class StoreMigrator(IOptions<StoreOptions> options)
{
    /// <summary>The migrations applied by this call (empty when the schema was current).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var connectionString = options.Value.MigrationConnectionString;
        await using (var db = new MonitoringDbContext(StoreOptions.Configure(new DbContextOptionsBuilder<MonitoringDbContext>(), connectionString).Options))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var grant = new NpgsqlCommand("SELECT monitoring_grant_application_role()", connection);
            await grant.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return pending;
        }
    }

    public IReadOnlyList<string> Migrate() => MigrateAsync().GetAwaiter().GetResult();
}
