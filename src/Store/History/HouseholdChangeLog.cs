using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.History;

/// <summary>
/// Appends to the household change log. Every path that changes <c>households.current_hash</c> appends one row in the
/// same transaction (the importer appends its rows set-based with the same columns).
/// </summary>
public static class HouseholdChangeLog
{
    /// <summary>Appends <paramref name="change"/> inside <paramref name="transaction"/>; returns the row's id.</summary>
    public static long Append(NpgsqlConnection connection, NpgsqlTransaction? transaction, HouseholdChange change)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(change);
        using var command = new NpgsqlCommand("""
            INSERT INTO household_changes (household_id, previous_hash, new_hash, recorded_at, described_on, source, actor, client, file_name, line, mode, details)
            VALUES (@household, @previous, @new, @recorded, @described, @source, @actor, @client, @file, @line, @mode, @details) RETURNING id
            """, connection, transaction);
        command.Parameters.AddWithValue("household", change.HouseholdId);
        command.Parameters.AddWithValue("previous", NpgsqlDbType.Text, (object?)change.PreviousHash ?? DBNull.Value);
        command.Parameters.AddWithValue("new", change.NewHash);
        command.Parameters.AddWithValue("recorded", change.RecordedAt.ToUniversalTime());
        command.Parameters.AddWithValue("described", change.DescribedOn);
        command.Parameters.AddWithValue("source", change.Source);
        command.Parameters.AddWithValue("actor", change.Actor);
        command.Parameters.AddWithValue("client", change.Client);
        command.Parameters.AddWithValue("file", NpgsqlDbType.Text, (object?)change.FileName ?? DBNull.Value);
        command.Parameters.AddWithValue("line", NpgsqlDbType.Bigint, (object?)change.Line ?? DBNull.Value);
        command.Parameters.AddWithValue("mode", NpgsqlDbType.Text, (object?)change.Mode ?? DBNull.Value);
        command.Parameters.AddWithValue("details", NpgsqlDbType.Jsonb, (object?)change.DetailsJson ?? DBNull.Value);
        return (long)command.ExecuteScalar()!;
    }
}
