using Monitoring.Store.Access;
using Npgsql;

namespace Monitoring.Store.Web;

/// <summary>
/// The append-only access log (table <c>access_log</c>, UPDATE/DELETE/TRUNCATE refused by trigger): every household
/// view, export and decision with who, when, what and from where. Auditors read it, limited to their area.
/// </summary>
public sealed class AccessLog(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public void Append(Caller caller, string action, string? householdId, string? areaCode, string? detail, NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var own = connection is null ? dataSource.OpenConnection() : null;
        try
        {
            using var command = new NpgsqlCommand("""
                INSERT INTO access_log (at, user_name, role, action, household_id, area_code, detail, client_address)
                VALUES (@at, @user, @role, @action, @household, @area, @detail, @client)
                """, connection ?? own, transaction);
            command.Parameters.AddWithValue("at", clock.GetUtcNow());
            command.Parameters.AddWithValue("user", caller.UserName);
            command.Parameters.AddWithValue("role", caller.Role.Name());
            command.Parameters.AddWithValue("action", action);
            command.Parameters.AddWithValue("household", (object?)householdId ?? DBNull.Value);
            command.Parameters.AddWithValue("area", (object?)areaCode ?? DBNull.Value);
            command.Parameters.AddWithValue("detail", (object?)detail ?? DBNull.Value);
            command.Parameters.AddWithValue("client", (object?)caller.ClientAddress ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
        finally
        {
            own?.Dispose();
        }
    }

    /// <summary>
    /// The log for the auditor's area, newest first: of one household (null when it is not in the area — not found), or
    /// every row whose area lies in the caller's area.
    /// </summary>
    public IReadOnlyList<AccessLogEntry>? Read(Caller caller, string? householdId, int limit = 500)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.CanAudit)
        {
            throw new NotPermittedException("只有审计人员可以查看访问日志");
        }

        using var connection = dataSource.OpenConnection();
        if (householdId is not null && ScopedHouseholds.VillageOf(connection, caller, householdId) is null)
        {
            return null;
        }

        using var command = new NpgsqlCommand("""
            SELECT id, at, user_name, role, action, household_id, area_code, detail, client_address FROM access_log
            WHERE (@household::text IS NULL OR household_id = @household)
              AND left(area_code, length(@area)) = @area
            ORDER BY id DESC LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("household", NpgsqlTypes.NpgsqlDbType.Text, (object?)householdId ?? DBNull.Value);
        command.Parameters.AddWithValue("area", caller.AreaCode);
        command.Parameters.AddWithValue("limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<AccessLogEntry>();
        while (reader.Read())
        {
            rows.Add(new AccessLogEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }
}
