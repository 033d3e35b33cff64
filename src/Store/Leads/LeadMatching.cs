namespace Monitoring.Store.Leads;

/// <summary>
/// Matching a lead to a household and member: the resident ID (trimmed, upper-cased) among the members of the records in
/// force of the county's households (<c>household_people</c>), the lowest household id when several share the person.
/// </summary>
internal static class LeadMatching
{
    /// <summary>A lateral subquery giving household_id, village_code, member_id and name for the ID and county expressions.</summary>
    public static string MemberSql(string idExpression, string countyExpression) => $"""
        SELECT h.id AS household_id, h.village_code, mm->>'id' AS member_id, mm->>'name' AS name
        FROM household_people p
        JOIN households h ON h.id = p.household_id
        JOIN household_versions v ON v.hash = h.current_hash
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v.record->'members') = 'array' THEN v.record->'members' ELSE '[]'::jsonb END) mm
        WHERE p.id_number = {idExpression} AND left(h.village_code, 6) = {countyExpression} AND upper(btrim(mm->>'idNumber')) = {idExpression}
        ORDER BY h.id LIMIT 1
        """;
}
