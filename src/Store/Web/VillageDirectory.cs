using Monitoring.Store.Leads;
using Npgsql;

namespace Monitoring.Store.Web;

/// <summary>
/// The villages some household of the store is registered in, under an area ("" for all), with the names the records give
/// them: one index probe per village (a skip scan over ix_households_village_code in the area's range: village codes are
/// digits, so those under the area lie between its code and its code followed by nines), not a pass over every household.
/// </summary>
internal static class VillageDirectory
{
    public static List<PublicVillage> Under(NpgsqlConnection connection, string area)
    {
        using var command = new NpgsqlCommand("""
            WITH RECURSIVE codes AS (
                (SELECT village_code FROM households WHERE village_code BETWEEN @area AND @high AND length(village_code) = 12 ORDER BY village_code LIMIT 1)
                UNION ALL
                SELECT (SELECT h.village_code FROM households h WHERE h.village_code > codes.village_code AND h.village_code <= @high AND length(h.village_code) = 12
                        ORDER BY h.village_code LIMIT 1)
                FROM codes WHERE codes.village_code IS NOT NULL)
            SELECT c.village_code, n.village, n.town, n.county
            FROM codes c
            CROSS JOIN LATERAL (SELECT v.record->'region'->>'village' AS village, v.record->'region'->>'town' AS town, v.record->'region'->>'county' AS county
                                FROM households h JOIN household_versions v ON v.hash = h.current_hash
                                WHERE h.village_code = c.village_code LIMIT 1) n
            WHERE c.village_code IS NOT NULL AND left(c.village_code, length(@area)) = @area
            ORDER BY c.village_code
            """, connection);
        command.Parameters.AddWithValue("area", area);
        command.Parameters.AddWithValue("high", area.PadRight(16, '9'));
        using var reader = command.ExecuteReader();
        var villages = new List<PublicVillage>();
        while (reader.Read())
        {
            var code = reader.GetString(0);
            villages.Add(new PublicVillage(code, reader.IsDBNull(1) ? code : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return villages;
    }
}
