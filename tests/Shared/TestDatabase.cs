using System.Diagnostics;
using Npgsql;

namespace Monitoring.Tests.Shared;

/// <summary>
/// The one way a test gets a database: a fresh database on the project-local PostgreSQL of <c>scripts/dev-db.sh</c>
/// (started here when it is not running, exactly as CI does), dropped on dispose. The integration tests'
/// <c>PostgresFixture</c> and the browser tests' fixture both create theirs here (a linked source file: tests/Shared).
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    private const string Server = "Host=127.0.0.1;Port=55432;Username=postgres;Include Error Detail=true";

    /// <param name="prefix">The start of the database's name (monitoring_test_, monitoring_browser_), a random suffix follows.</param>
    public TestDatabase(string prefix)
    {
        EnsureServer();
        Name = prefix + Guid.NewGuid().ToString("N")[..12];
        Execute($"CREATE DATABASE {Name}");
        ConnectionString = $"{Server};Database={Name}";
    }

    public string Name { get; }

    /// <summary>The database as the owner role (postgres).</summary>
    public string ConnectionString { get; }

    /// <summary>The same database as the application role <c>monitoring_app</c> (not a superuser; exists once migrated).</summary>
    public string AppConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Username = "monitoring_app" }.ConnectionString;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
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

        var start = new ProcessStartInfo("bash", [Path.Combine(TestRepository.Root, "scripts", "dev-db.sh"), "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !CanConnect())
        {
            throw new InvalidOperationException("测试需要 PostgreSQL：scripts/dev-db.sh start 失败：" + output);
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
