using System.Diagnostics;
using Npgsql;

namespace Monitoring.BrowserTests.Support;

/// <summary>
/// A fresh database on the project-local PostgreSQL of <c>scripts/dev-db.sh</c> (started here when it is not running, as
/// CI does), dropped on dispose.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    private const string Server = "Host=127.0.0.1;Port=55432;Username=postgres;Include Error Detail=true";

    public TestDatabase()
    {
        EnsureServer();
        Name = "monitoring_browser_" + Guid.NewGuid().ToString("N")[..12];
        Execute($"CREATE DATABASE {Name}");
        ConnectionString = $"{Server};Database={Name}";
    }

    public string Name { get; }

    public string ConnectionString { get; }

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

        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "dev-db.sh"), "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !CanConnect())
        {
            throw new InvalidOperationException("浏览器测试需要 PostgreSQL：scripts/dev-db.sh start 失败：" + output);
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
