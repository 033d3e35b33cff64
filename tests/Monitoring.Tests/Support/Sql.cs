using Npgsql;

namespace Monitoring.Tests.Support;

/// <summary>One-value queries for integration-test assertions.</summary>
internal static class Sql
{
    public static object? Value(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public static long Count(string connectionString, string sql) => Convert.ToInt64(Value(connectionString, sql), System.Globalization.CultureInfo.InvariantCulture);
}
