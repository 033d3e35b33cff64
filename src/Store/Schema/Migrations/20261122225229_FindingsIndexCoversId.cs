using Monitoring.Store.Schema;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;
﻿using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitoring.Store.Schema.Migrations
{
    /// <inheritdoc />
    public partial class FindingsIndexCoversId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_findings_run_id_household_id_rule_id",
                table: "findings");

            migrationBuilder.CreateIndex(
                name: "ix_findings_run_id_household_id_rule_id",
                table: "findings",
                columns: new[] { "run_id", "household_id", "rule_id" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_findings_run_id_household_id_rule_id",
                table: "findings");

            migrationBuilder.CreateIndex(
                name: "ix_findings_run_id_household_id_rule_id",
                table: "findings",
                columns: new[] { "run_id", "household_id", "rule_id" },
                unique: true);
        }
    }
}
