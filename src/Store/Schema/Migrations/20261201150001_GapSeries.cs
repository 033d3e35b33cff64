using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// <c>household_evaluation_states.gap_series</c>: PROC-GAP-NOT-CLEARED's run history for a household — for each gap finding
/// (rule and member) the run its current unbroken series of nights began (<c>RULE|member=runId;…</c>), kept like
/// <c>risk_since_run_id</c> for PROC-CANDIDATE-NO-CASE. Read and written only by the nightly runner's raw COPY statements.
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201150001_GapSeries")]
public partial class GapSeries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE household_evaluation_states ADD COLUMN gap_series text NULL;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE household_evaluation_states DROP COLUMN IF EXISTS gap_series;");
}
