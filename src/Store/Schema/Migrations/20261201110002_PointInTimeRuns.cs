using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// Runs over an earlier as-of (ADR 0005): a run that read the households as described on its as-of is marked
/// <c>point_in_time</c>; the change log gets an index on the described date so a run learns in one index probe whether
/// any change is described after its as-of.
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201110002_PointInTimeRuns")]
public partial class PointInTimeRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE evaluation_runs ADD COLUMN point_in_time boolean NOT NULL DEFAULT false;
            CREATE INDEX ix_household_changes_described_on ON household_changes (described_on);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP INDEX IF EXISTS ix_household_changes_described_on;
            ALTER TABLE evaluation_runs DROP COLUMN IF EXISTS point_in_time;
            """);
    }
}
