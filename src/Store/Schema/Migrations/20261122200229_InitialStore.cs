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
    public partial class InitialStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evaluation_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    profile = table.Column<string>(type: "text", nullable: false),
                    rules_version = table.Column<string>(type: "text", nullable: false),
                    mode = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    host = table.Column<string>(type: "text", nullable: false),
                    process_id = table.Column<int>(type: "integer", nullable: false),
                    households_evaluated = table.Column<long>(type: "bigint", nullable: false),
                    findings_count = table.Column<long>(type: "bigint", nullable: false),
                    candidates_count = table.Column<long>(type: "bigint", nullable: false),
                    new_findings = table.Column<long>(type: "bigint", nullable: false),
                    resolved_findings = table.Column<long>(type: "bigint", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "household_evaluation_states",
                columns: table => new
                {
                    household_id = table.Column<string>(type: "text", nullable: false),
                    profile = table.Column<string>(type: "text", nullable: false),
                    household_hash = table.Column<string>(type: "text", nullable: false),
                    rules_version = table.Column<string>(type: "text", nullable: false),
                    last_run_id = table.Column<long>(type: "bigint", nullable: false),
                    next_change_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_evaluation_states", x => new { x.household_id, x.profile });
                });

            migrationBuilder.CreateTable(
                name: "household_versions",
                columns: table => new
                {
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    household_id = table.Column<string>(type: "text", nullable: false),
                    record = table.Column<string>(type: "jsonb", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_versions", x => x.hash);
                });

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

            migrationBuilder.CreateTable(
                name: "findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    household_id = table.Column<string>(type: "text", nullable: false),
                    rule_id = table.Column<string>(type: "text", nullable: false),
                    member_id = table.Column<string>(type: "text", nullable: true),
                    severity = table.Column<string>(type: "text", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    rule_version = table.Column<string>(type: "text", nullable: false),
                    profile = table.Column<string>(type: "text", nullable: false),
                    village_code = table.Column<string>(type: "text", nullable: true),
                    household_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    finding = table.Column<string>(type: "json", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_findings_evaluation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "evaluation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_findings_household_versions_household_hash",
                        column: x => x.household_hash,
                        principalTable: "household_versions",
                        principalColumn: "hash",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    county_code = table.Column<string>(type: "text", nullable: false),
                    village_code = table.Column<string>(type: "text", nullable: true),
                    category = table.Column<string>(type: "text", nullable: false),
                    helper_name = table.Column<string>(type: "text", nullable: true),
                    current_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                    table.ForeignKey(
                        name: "fk_households_household_versions_current_hash",
                        column: x => x.current_hash,
                        principalTable: "household_versions",
                        principalColumn: "hash",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "finding_resolutions",
                columns: table => new
                {
                    finding_id = table.Column<long>(type: "bigint", nullable: false),
                    run_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_finding_resolutions", x => x.finding_id);
                    table.ForeignKey(
                        name: "fk_finding_resolutions_evaluation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "evaluation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_finding_resolutions_findings_finding_id",
                        column: x => x.finding_id,
                        principalTable: "findings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_village_code",
                table: "candidates",
                column: "village_code");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_runs_profile_as_of",
                table: "evaluation_runs",
                columns: new[] { "profile", "as_of" });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_runs_status",
                table: "evaluation_runs",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_finding_resolutions_run_id",
                table: "finding_resolutions",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_findings_household_hash",
                table: "findings",
                column: "household_hash");

            migrationBuilder.CreateIndex(
                name: "ix_findings_household_id_rule_id",
                table: "findings",
                columns: new[] { "household_id", "rule_id" });

            migrationBuilder.CreateIndex(
                name: "ix_findings_run_id_household_id_rule_id",
                table: "findings",
                columns: new[] { "run_id", "household_id", "rule_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_findings_village_code",
                table: "findings",
                column: "village_code");

            migrationBuilder.CreateIndex(
                name: "ix_household_evaluation_states_profile_next_change_on",
                table: "household_evaluation_states",
                columns: new[] { "profile", "next_change_on" });

            migrationBuilder.CreateIndex(
                name: "ix_household_versions_household_id",
                table: "household_versions",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_households_county_code_helper_name",
                table: "households",
                columns: new[] { "county_code", "helper_name" });

            migrationBuilder.CreateIndex(
                name: "ix_households_current_hash",
                table: "households",
                column: "current_hash");

            migrationBuilder.CreateIndex(
                name: "ix_households_village_code",
                table: "households",
                column: "village_code");
            // Evidence is append-only: findings, their resolutions, candidates and household versions can be
            // inserted, never changed or removed (also not by TRUNCATE).
            migrationBuilder.Sql(@"
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed: stored evidence is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER findings_append_only BEFORE UPDATE OR DELETE ON findings FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER findings_no_truncate BEFORE TRUNCATE ON findings FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER finding_resolutions_append_only BEFORE UPDATE OR DELETE ON finding_resolutions FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER finding_resolutions_no_truncate BEFORE TRUNCATE ON finding_resolutions FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER candidates_append_only BEFORE UPDATE OR DELETE ON candidates FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER candidates_no_truncate BEFORE TRUNCATE ON candidates FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER household_versions_append_only BEFORE UPDATE OR DELETE ON household_versions FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER household_versions_no_truncate BEFORE TRUNCATE ON household_versions FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
DROP TRIGGER IF EXISTS findings_append_only ON findings;
DROP TRIGGER IF EXISTS findings_no_truncate ON findings;
DROP TRIGGER IF EXISTS finding_resolutions_append_only ON finding_resolutions;
DROP TRIGGER IF EXISTS finding_resolutions_no_truncate ON finding_resolutions;
DROP TRIGGER IF EXISTS candidates_append_only ON candidates;
DROP TRIGGER IF EXISTS candidates_no_truncate ON candidates;
DROP TRIGGER IF EXISTS household_versions_append_only ON household_versions;
DROP TRIGGER IF EXISTS household_versions_no_truncate ON household_versions;
DROP FUNCTION IF EXISTS refuse_change();
");

            migrationBuilder.DropTable(
                name: "candidates");

            migrationBuilder.DropTable(
                name: "finding_resolutions");

            migrationBuilder.DropTable(
                name: "household_evaluation_states");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "findings");

            migrationBuilder.DropTable(
                name: "evaluation_runs");

            migrationBuilder.DropTable(
                name: "household_versions");
        }
    }
}
