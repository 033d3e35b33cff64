using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Monitoring.Store.Schema;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

#nullable disable

namespace Monitoring.Store.Schema.Migrations
{
    /// <inheritdoc />
    public partial class StoreV2IncrementalRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Incremental bookkeeping is rebuilt by the next (full) run; the table was not used before this version.
            migrationBuilder.Sql("DELETE FROM household_evaluation_states;");

            migrationBuilder.DropForeignKey(
                name: "fk_findings_household_versions_household_hash",
                table: "findings");

            migrationBuilder.DropTable(
                name: "candidates");

            migrationBuilder.DropIndex(
                name: "ix_findings_household_hash",
                table: "findings");

            migrationBuilder.RenameColumn(
                name: "rules_version",
                table: "household_evaluation_states",
                newName: "rule_ids");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "next_change_on",
                table: "household_evaluation_states",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "household_hash",
                table: "household_evaluation_states",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "candidate_type",
                table: "household_evaluation_states",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome_hash",
                table: "household_evaluation_states",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "outcome_run_id",
                table: "household_evaluation_states",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "risk_since_run_id",
                table: "household_evaluation_states",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "engine_version",
                table: "evaluation_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "outcomes_recorded",
                table: "evaluation_runs",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "case_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    household_id = table.Column<string>(type: "text", nullable: false),
                    command = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    client = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    resulting_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_log_household_versions_resulting_hash",
                        column: x => x.resulting_hash,
                        principalTable: "household_versions",
                        principalColumn: "hash",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "helper_group_states",
                columns: table => new
                {
                    profile = table.Column<string>(type: "text", nullable: false),
                    county_code = table.Column<string>(type: "text", nullable: false),
                    helper_name = table.Column<string>(type: "text", nullable: false),
                    monitored = table.Column<int>(type: "integer", nullable: false),
                    lifted = table.Column<int>(type: "integer", nullable: false),
                    households = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_helper_group_states", x => new { x.profile, x.county_code, x.helper_name });
                });

            migrationBuilder.CreateTable(
                name: "household_outcomes",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    household_id = table.Column<string>(type: "text", nullable: false),
                    profile = table.Column<string>(type: "text", nullable: false),
                    household_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    outcome_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    candidate_type = table.Column<string>(type: "text", nullable: true),
                    village_code = table.Column<string>(type: "text", nullable: true),
                    findings_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_outcomes", x => new { x.run_id, x.household_id });
                    table.ForeignKey(
                        name: "fk_household_outcomes_evaluation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "evaluation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_household_outcomes_household_versions_household_hash",
                        column: x => x.household_hash,
                        principalTable: "household_versions",
                        principalColumn: "hash",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "run_counts",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_counts", x => new { x.run_id, x.kind, x.key });
                    table.ForeignKey(
                        name: "fk_run_counts_evaluation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "evaluation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_log_household_id_id",
                table: "case_log",
                columns: new[] { "household_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_log_resulting_hash",
                table: "case_log",
                column: "resulting_hash");

            migrationBuilder.CreateIndex(
                name: "ix_household_outcomes_household_hash",
                table: "household_outcomes",
                column: "household_hash");

            migrationBuilder.CreateIndex(
                name: "ix_household_outcomes_profile_household_id_run_id",
                table: "household_outcomes",
                columns: new[] { "profile", "household_id", "run_id" });

            migrationBuilder.CreateIndex(
                name: "ix_household_outcomes_village_code",
                table: "household_outcomes",
                column: "village_code");

            migrationBuilder.Sql(@"
CREATE TRIGGER household_outcomes_append_only BEFORE UPDATE OR DELETE ON household_outcomes FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER household_outcomes_no_truncate BEFORE TRUNCATE ON household_outcomes FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER run_counts_append_only BEFORE UPDATE OR DELETE ON run_counts FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER run_counts_no_truncate BEFORE TRUNCATE ON run_counts FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER case_log_append_only BEFORE UPDATE OR DELETE ON case_log FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER case_log_no_truncate BEFORE TRUNCATE ON case_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
DROP TRIGGER IF EXISTS household_outcomes_append_only ON household_outcomes;
DROP TRIGGER IF EXISTS household_outcomes_no_truncate ON household_outcomes;
DROP TRIGGER IF EXISTS run_counts_append_only ON run_counts;
DROP TRIGGER IF EXISTS run_counts_no_truncate ON run_counts;
DROP TRIGGER IF EXISTS case_log_append_only ON case_log;
DROP TRIGGER IF EXISTS case_log_no_truncate ON case_log;
");

            migrationBuilder.DropTable(
                name: "case_log");

            migrationBuilder.DropTable(
                name: "helper_group_states");

            migrationBuilder.DropTable(
                name: "household_outcomes");

            migrationBuilder.DropTable(
                name: "run_counts");

            migrationBuilder.DropColumn(
                name: "candidate_type",
                table: "household_evaluation_states");

            migrationBuilder.DropColumn(
                name: "outcome_hash",
                table: "household_evaluation_states");

            migrationBuilder.DropColumn(
                name: "outcome_run_id",
                table: "household_evaluation_states");

            migrationBuilder.DropColumn(
                name: "risk_since_run_id",
                table: "household_evaluation_states");

            migrationBuilder.DropColumn(
                name: "engine_version",
                table: "evaluation_runs");

            migrationBuilder.DropColumn(
                name: "outcomes_recorded",
                table: "evaluation_runs");

            migrationBuilder.RenameColumn(
                name: "rule_ids",
                table: "household_evaluation_states",
                newName: "rules_version");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "next_change_on",
                table: "household_evaluation_states",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AlterColumn<string>(
                name: "household_hash",
                table: "household_evaluation_states",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.CreateTable(
                name: "candidates",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    household_id = table.Column<string>(type: "text", nullable: false),
                    candidate_type = table.Column<string>(type: "text", nullable: false),
                    village_code = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidates", x => new { x.run_id, x.household_id });
                    table.ForeignKey(
                        name: "fk_candidates_evaluation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "evaluation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_findings_household_hash",
                table: "findings",
                column: "household_hash");

            migrationBuilder.Sql(@"
CREATE TRIGGER candidates_append_only BEFORE UPDATE OR DELETE ON candidates FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER candidates_no_truncate BEFORE TRUNCATE ON candidates FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_village_code",
                table: "candidates",
                column: "village_code");

            migrationBuilder.AddForeignKey(
                name: "fk_findings_household_versions_household_hash",
                table: "findings",
                column: "household_hash",
                principalTable: "household_versions",
                principalColumn: "hash",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
