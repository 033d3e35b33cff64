using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// <c>household_evaluation_states.gap_series</c>: PROC-GAP-NOT-CLEARED's run history for a household — for each gap finding
/// (rule and member) the run its current unbroken series of nights began (<c>RULE|member=runId;…</c>), kept like
/// <c>risk_since_run_id</c> for PROC-CANDIDATE-NO-CASE; also logged on <c>household_outcomes</c> and <c>household_evaluations</c>
/// so a replay of a run knows the series the run saw. Read and written only by raw SQL (nightly runner, replay).
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201150001_GapSeries")]
public partial class GapSeries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE household_evaluation_states ADD COLUMN gap_series text NULL;
            ALTER TABLE household_outcomes ADD COLUMN gap_series text NULL;
            ALTER TABLE household_evaluations ADD COLUMN gap_series text NULL;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE household_evaluation_states DROP COLUMN IF EXISTS gap_series;
            ALTER TABLE household_outcomes DROP COLUMN IF EXISTS gap_series;
            ALTER TABLE household_evaluations DROP COLUMN IF EXISTS gap_series;
            """);
}
