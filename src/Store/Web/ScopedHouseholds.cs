using Monitoring.Store.Access;
using Npgsql;

namespace Monitoring.Store.Web;

/// <summary>The one place a household id is resolved for a caller: outside the caller's area it does not exist.</summary>
internal static class ScopedHouseholds
{
    /// <summary>The household's village code when it is in the caller's area, else null (unknown or outside).</summary>
    public static string? VillageOf(NpgsqlConnection connection, Caller caller, string householdId, NpgsqlTransaction? transaction = null)
    {
        using var command = new NpgsqlCommand("SELECT village_code FROM households WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", householdId);
        return command.ExecuteScalar() is string village && caller.Covers(village) ? village : null;
    }

    /// <summary>
    /// A connection for reading one household for a caller: refused to roles without household data
    /// (<see cref="NotPermittedException"/>); null — the connection closed — when the household is not in the caller's area.
    /// </summary>
    public static (NpgsqlConnection Connection, string Village)? OpenFor(NpgsqlDataSource dataSource, Caller caller, string householdId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead();

        var connection = dataSource.OpenConnection();
        if (VillageOf(connection, caller, householdId) is { } village)
        {
            return (connection, village);
        }

        connection.Dispose();
        return null;
    }
}
