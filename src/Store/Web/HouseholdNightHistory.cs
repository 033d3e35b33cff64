using Monitoring.Store.Access;
using Monitoring.Store.History;
using Npgsql;

namespace Monitoring.Store.Web;

/// <summary>
/// A household's history for its page: the outcome of every night it changed (the stored outcomes, newest first, with
/// the rules that fired), its record versions and its change log (<see cref="HouseholdHistory"/>, the timeline
/// <c>history</c> prints). Null when the household does not exist for the caller.
/// </summary>
public sealed class HouseholdNightHistory(NpgsqlDataSource dataSource, HouseholdHistory history)
{
    /// <summary>The household's change log, newest first: what changed, when, by which import or command.</summary>
    public IReadOnlyList<HouseholdTimelineEntry>? Timeline(Caller caller, string householdId)
    {
        if (ScopedHouseholds.OpenFor(dataSource, caller, householdId) is not (var connection, _))
        {
            return null;
        }

        connection.Dispose();

        return [.. history.Timeline(householdId).Reverse()];
    }

    public IReadOnlyList<HouseholdNight>? Nights(Caller caller, string householdId)
    {
        if (ScopedHouseholds.OpenFor(dataSource, caller, householdId) is not (var connection, _))
        {
            return null;
        }

        using var _ = connection;

        using var command = new NpgsqlCommand("""
            SELECT o.run_id, r.as_of, o.profile, o.candidate_type, o.findings_count, o.outcome_hash,
                   coalesce((SELECT array_agg(f.rule_id ORDER BY f.rule_id COLLATE "C") FROM findings f
                             WHERE f.run_id = o.run_id AND f.household_id = o.household_id), '{}')
            FROM household_outcomes o JOIN evaluation_runs r ON r.id = o.run_id
            WHERE o.household_id = @id ORDER BY o.run_id DESC
            """, connection);
        command.Parameters.AddWithValue("id", householdId);
        using var reader = command.ExecuteReader();
        var nights = new List<HouseholdNight>();
        while (reader.Read())
        {
            nights.Add(new HouseholdNight(reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4), reader.GetString(5), reader.GetFieldValue<string[]>(6)));
        }

        return nights;
    }

    public IReadOnlyList<HouseholdVersionRow>? Versions(Caller caller, string householdId)
    {
        if (ScopedHouseholds.OpenFor(dataSource, caller, householdId) is not (var connection, _))
        {
            return null;
        }

        using var _ = connection;

        using var command = new NpgsqlCommand("""
            SELECT v.hash, v.first_seen_at, v.hash = h.current_hash FROM household_versions v JOIN households h ON h.id = v.household_id
            WHERE v.household_id = @id ORDER BY v.first_seen_at DESC, v.hash
            """, connection);
        command.Parameters.AddWithValue("id", householdId);
        using var reader = command.ExecuteReader();
        var versions = new List<HouseholdVersionRow>();
        while (reader.Read())
        {
            versions.Add(new HouseholdVersionRow(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2)));
        }

        return versions;
    }
}
