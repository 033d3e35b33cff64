using Microsoft.EntityFrameworkCore;
using Monitoring.Tests.Shared;
using Monitoring.Store;
using Npgsql;
using Monitoring.Store.Schema;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Store;

/// <summary>
/// A real PostgreSQL for integration tests: a fresh database per test class on the project-local cluster
/// (<see cref="TestDatabase"/>, shared with the browser tests), dropped afterwards, with the store's data source.
/// </summary>
public sealed class PostgresFixture : IDisposable
{
    private readonly Lock _migrateLock = new();
    private readonly TestDatabase _database = new("monitoring_test_");
    private bool _migrated;

    public PostgresFixture()
    {
        DataSource = StoreDataSource.Create(ConnectionString);
    }

    /// <summary>The data source the store services use, as the application registers it.</summary>
    public NpgsqlDataSource DataSource { get; }

    public string DatabaseName => _database.Name;

    public string ConnectionString => _database.ConnectionString;

    /// <summary>The same database as the application role <c>monitoring_app</c> (not a superuser; exists once migrated).</summary>
    public string AppConnectionString => _database.AppConnectionString;

    /// <summary>Applies the migrations (once) and returns this fixture.</summary>
    public PostgresFixture Migrated()
    {
        lock (_migrateLock)
        {
            if (!_migrated)
            {
                using var context = Context();
                context.Database.Migrate();
                _migrated = true;
            }
        }

        return this;
    }

    public MonitoringDbContext Context() =>
        new(StoreOptions.Configure(new DbContextOptionsBuilder<MonitoringDbContext>(), ConnectionString).Options);

    public void Dispose()
    {
        DataSource.Dispose();
        _database.Dispose();
    }
}
