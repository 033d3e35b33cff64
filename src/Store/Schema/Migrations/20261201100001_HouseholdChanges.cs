using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// The household change log (docs/decisions/0006-household-history.md): one append-only row for every change of a
/// household's version — an import, a case command, a correction — with the version before and after, when it was
/// recorded (the clock) and the date it describes. Households stored before this migration get one <c>baseline</c> row
/// (previous version null, described on 0001-01-01: the version in force is all the store knows of their past).
/// Not part of the EF model (branches share the model snapshot); read and written with Npgsql.
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201100001_HouseholdChanges")]
public partial class HouseholdChanges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE household_changes (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                household_id text NOT NULL,
                previous_hash text NULL,
                new_hash text NOT NULL,
                recorded_at timestamptz NOT NULL,
                described_on date NOT NULL,
                source text NOT NULL,
                actor text NOT NULL,
                client text NOT NULL,
                file_name text NULL,
                line bigint NULL,
                mode text NULL,
                details jsonb NULL
            );
            CREATE INDEX ix_household_changes_household_described ON household_changes (household_id, described_on, id) INCLUDE (new_hash);
            CREATE INDEX ix_household_changes_household_id ON household_changes (household_id, id);
            CREATE TRIGGER household_changes_append_only BEFORE UPDATE OR DELETE ON household_changes FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER household_changes_no_truncate BEFORE TRUNCATE ON household_changes FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            INSERT INTO household_changes (household_id, previous_hash, new_hash, recorded_at, described_on, source, actor, client)
            SELECT id, NULL, current_hash, updated_at, DATE '0001-01-01', 'baseline', 'migration', 'migration' FROM households ORDER BY id;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE IF EXISTS household_changes;");
    }
}
