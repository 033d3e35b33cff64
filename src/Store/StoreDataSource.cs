using Npgsql;

namespace Monitoring.Store;

/// <summary>
/// Builds the one <see cref="NpgsqlDataSource"/> the application uses (one pool for every store service). Unless the
/// connection string sets <c>Command Timeout</c>, client-side command timeouts are off: a nightly run's statements and
/// COPY operations take as long as the store is large, and a run is cancelled through its token, not a timer.
/// </summary>
public static class StoreDataSource
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("CommandTimeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.CommandTimeout = 0;
        }

        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }
}
