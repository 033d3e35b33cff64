using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// <c>household_people</c>: the trimmed, upper-cased resident ID of every member of each household's version in force,
/// kept by triggers on <c>households</c> whichever code path writes them (import, case commands), so a nightly run finds
/// the persons shared by several households (DATA-DUPLICATE-PERSON) from an index instead of reading every record.
/// Bookkeeping derived from <c>household_versions</c>, not evidence.
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201150002_HouseholdPeople")]
public partial class HouseholdPeople : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE household_people (
                household_id text NOT NULL,
                id_number text NOT NULL);
            CREATE INDEX ix_household_people_id_number ON household_people (id_number, household_id);
            CREATE INDEX ix_household_people_household_id ON household_people (household_id);
            CREATE FUNCTION household_people_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM household_people p USING changed_households c WHERE p.household_id = c.id;
              INSERT INTO household_people (household_id, id_number)
              SELECT DISTINCT c.id, upper(btrim(m->>'idNumber'))
              FROM changed_households c JOIN household_versions v ON v.hash = c.current_hash
              CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v.record->'members') = 'array' THEN v.record->'members' ELSE '[]'::jsonb END) m
              WHERE coalesce(btrim(m->>'idNumber'), '') <> '';
              RETURN NULL;
            END $$;
            CREATE TRIGGER household_people_on_insert AFTER INSERT ON households
              REFERENCING NEW TABLE AS changed_households FOR EACH STATEMENT EXECUTE FUNCTION household_people_refresh();
            CREATE TRIGGER household_people_on_update AFTER UPDATE ON households
              REFERENCING NEW TABLE AS changed_households FOR EACH STATEMENT EXECUTE FUNCTION household_people_refresh();
            INSERT INTO household_people (household_id, id_number)
            SELECT DISTINCT h.id, upper(btrim(m->>'idNumber'))
            FROM households h JOIN household_versions v ON v.hash = h.current_hash
            CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v.record->'members') = 'array' THEN v.record->'members' ELSE '[]'::jsonb END) m
            WHERE coalesce(btrim(m->>'idNumber'), '') <> '';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS household_people_on_insert ON households;
            DROP TRIGGER IF EXISTS household_people_on_update ON households;
            DROP FUNCTION IF EXISTS household_people_refresh();
            DROP TABLE IF EXISTS household_people;
            """);
    }
}
