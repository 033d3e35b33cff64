using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Monitoring.Tests.Support;
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
/// A real PostgreSQL for integration tests: the project-local cluster of <c>scripts/dev-db.sh</c> (started here if it
/// is not running, exactly as CI does), with a fresh database per test class that is dropped afterwards.
/// </summary>
public sealed class PostgresFixture : IDisposable
{
    private readonly Lock _migrateLock = new();
    private bool _migrated;

    private const string Server = "Host=127.0.0.1;Port=55432;Username=postgres;Include Error Detail=true";

    public PostgresFixture()
    {
        EnsureServer();
        DatabaseName = "monitoring_test_" + Guid.NewGuid().ToString("N")[..12];
        Execute($"CREATE DATABASE {DatabaseName}");
        ConnectionString = $"{Server};Database={DatabaseName}";
        DataSource = StoreDataSource.Create(ConnectionString);
    }

    /// <summary>The data source the store services use, as the application registers it.</summary>
    public NpgsqlDataSource DataSource { get; }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    /// <summary>The same database as the application role <c>monitoring_app</c> (not a superuser; exists once migrated).</summary>
    public string AppConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Username = "monitoring_app" }.ConnectionString;

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
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection($"{Server};Database=postgres");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void EnsureServer()
    {
        if (CanConnect())
        {
            return;
        }

        var start = new ProcessStartInfo("bash", [Path.Combine(TestPaths.RepositoryRoot, "scripts", "dev-db.sh"), "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !CanConnect())
        {
            throw new InvalidOperationException("集成测试需要 PostgreSQL：scripts/dev-db.sh start 失败：" + output);
        }
    }

    private static bool CanConnect()
    {
        try
        {
            using var connection = new NpgsqlConnection($"{Server};Database=postgres;Timeout=3");
            connection.Open();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
