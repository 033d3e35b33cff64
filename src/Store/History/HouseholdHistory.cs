using Monitoring.Engine.Cases;
using Monitoring.Engine.History;
using Monitoring.Engine.Records;
using Npgsql;

namespace Monitoring.Store.History;

/// <summary>
/// A household's timeline from the change log: every change, oldest first, with the versions before and after compared
/// (<see cref="HouseholdDiffer"/>). The CLI's <c>history</c> and the web's household page read it.
/// </summary>
public sealed class HouseholdHistory
{
    private readonly NpgsqlDataSource _dataSource;

    public HouseholdHistory(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>The household's changes, oldest first; empty when the store has no such household.</summary>
    public IReadOnlyList<HouseholdTimelineEntry> Timeline(string householdId)
    {
        ArgumentNullException.ThrowIfNull(householdId);
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT c.id, c.previous_hash, c.new_hash, c.recorded_at, c.described_on, c.source, c.actor, c.client, c.file_name, c.line, c.mode,
                   c.details::text, p.record::text, n.record::text
            FROM household_changes c
            LEFT JOIN household_versions p ON p.hash = c.previous_hash
            JOIN household_versions n ON n.hash = c.new_hash
            WHERE c.household_id = @id ORDER BY c.id
            """, connection);
        command.Parameters.AddWithValue("id", householdId);
        using var reader = command.ExecuteReader();
        var entries = new List<HouseholdTimelineEntry>();
        var records = new Dictionary<string, HouseholdRecord>(StringComparer.Ordinal);
        HouseholdRecord Parse(string hash, string json)
        {
            if (!records.TryGetValue(hash, out var record))
            {
                record = CanonicalRecord.Parse(json);
                records[hash] = record;
            }

            return record;
        }

        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var change = new HouseholdChange(householdId, Text(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateOnly>(4), reader.GetString(5), reader.GetString(6), reader.GetString(7))
            {
                Id = reader.GetInt64(0),
                FileName = Text(8),
                Line = reader.IsDBNull(9) ? null : reader.GetInt64(9),
                Mode = Text(10),
                DetailsJson = Text(11),
            };
            var before = change.PreviousHash is { } previous && Text(12) is { } previousJson ? Parse(previous, previousJson) : null;
            var after = Parse(change.NewHash, reader.GetString(13));
            entries.Add(new HouseholdTimelineEntry(change, HouseholdDiffer.Compare(before, after)));
        }

        return entries;
    }
}
