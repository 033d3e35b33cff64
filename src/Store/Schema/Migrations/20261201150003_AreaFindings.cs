using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// Area findings (department-data.md: DEPT-FEED-LATE, about a county and list, no household) are stored in <c>findings</c>
/// with no household: household id and version become optional, only for findings whose JSON says <c>"scope": "area"</c>.
/// Every run stores its area findings (they are few: counties × lists).
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201150003_AreaFindings")]
public partial class AreaFindings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE findings ALTER COLUMN household_id DROP NOT NULL;
            ALTER TABLE findings ALTER COLUMN household_hash DROP NOT NULL;
            ALTER TABLE findings ADD CONSTRAINT ck_findings_household_or_area
                CHECK ((household_id IS NOT NULL AND household_hash IS NOT NULL) OR coalesce(finding ->> 'scope', '') = 'area');
            CREATE INDEX ix_findings_area ON findings (run_id) WHERE household_id IS NULL;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP INDEX IF EXISTS ix_findings_area;
            ALTER TABLE findings DROP CONSTRAINT IF EXISTS ck_findings_household_or_area;
            """);
    }
}
