using Monitoring.Rules.Department;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.Leads;

/// <summary>
/// The lines of a delivered warn-* snapshot as leads, written in the delivery's transaction: each line matched by resident
/// ID to a member of a household of the county (or to none), raised on the warning's date. A line becomes a lead once —
/// the same list, county, person, date and kind delivered again (a re-import, the next snapshot repeating it) adds nothing.
/// </summary>
internal static class WarningLeads
{
    public static int Record(NpgsqlConnection connection, NpgsqlTransaction transaction, long deliveryId, string listId, string countyCode,
        DateOnly snapshotDate, IReadOnlyList<(long Number, RosterLine Line)> lines, string deliveredBy, DateTimeOffset at)
    {
        var warnings = lines.Where(l => !string.IsNullOrEmpty(l.Line.IdNumber)).ToList();
        if (warnings.Count == 0)
        {
            return 0;
        }

        using var command = new NpgsqlCommand($"""
            WITH line AS (
                SELECT * FROM unnest(@numbers, @ids, @dates, @kinds, @notes) AS l(line_no, id_number, warned_on, kind, note)),
            inserted AS (
                INSERT INTO leads (source_kind, delivery_id, list_id, snapshot_date, line_no, warning_key, county_code, village_code,
                                   household_id, member_id, person_name, id_number, difficulty_kind, description, raised_on, raised_at, raised_by)
                SELECT 'department_warning', @delivery, @list, @snapshot, l.line_no,
                       concat_ws('|', @list, @county, l.id_number, l.warned_on, l.kind), @county, m.village_code,
                       m.household_id, m.member_id, m.name, l.id_number, l.kind, coalesce(nullif(btrim(l.note), ''), '部门预警'),
                       coalesce(l.warned_on, @snapshot), @at, @by
                FROM line l
                LEFT JOIN LATERAL ({LeadMatching.MemberSql("l.id_number", "@county")}) m ON true
                ORDER BY l.line_no
                ON CONFLICT (warning_key) DO NOTHING
                RETURNING id)
            INSERT INTO lead_status (lead_id, status, decided_by, role, decided_at)
            SELECT id, 'pending', @by, 'department', @at FROM inserted
            """, connection, transaction);
        command.Parameters.AddWithValue("numbers", warnings.Select(l => (int)l.Number).ToArray());
        command.Parameters.AddWithValue("ids", warnings.Select(l => l.Line.IdNumber!).ToArray());
        command.Parameters.Add(new NpgsqlParameter("dates", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = warnings.Select(l => (object?)l.Line.Date ?? DBNull.Value).ToArray() });
        command.Parameters.AddWithValue("kinds", warnings.Select(l => l.Line.Kind ?? "department_warning").ToArray());
        command.Parameters.Add(new NpgsqlParameter("notes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = warnings.Select(l => (object?)l.Line.Note ?? DBNull.Value).ToArray() });
        command.Parameters.AddWithValue("delivery", deliveryId);
        command.Parameters.AddWithValue("list", listId);
        command.Parameters.AddWithValue("county", countyCode);
        command.Parameters.AddWithValue("snapshot", snapshotDate);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("by", deliveredBy);
        return command.ExecuteNonQuery();
    }
}
