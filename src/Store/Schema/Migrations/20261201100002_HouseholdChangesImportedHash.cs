using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// <c>household_changes.imported_hash</c>: the hash of the imported record an import change was made from. A household
/// whose version in force was produced from the same imported record in the same mode is left alone by the next import
/// without being merged again (the unchanged majority of a yearly re-import costs no round trip).
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201100002_HouseholdChangesImportedHash")]
public partial class HouseholdChangesImportedHash : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE household_changes ADD COLUMN imported_hash text NULL;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE household_changes DROP COLUMN IF EXISTS imported_hash;");
}
