using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// Department deliveries (department-data.md): each delivery recorded (list, county, snapshot date, delivery time, file,
/// rows, who) with its lines as an immutable snapshot; which snapshots each run read (replay). All append-only by trigger.
/// Hand-written SQL, outside the EF model (tables accessed with Npgsql).
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201150001_DepartmentDeliveries")]
public partial class DepartmentDeliveries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE department_deliveries (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                list_id text NOT NULL,
                county_code text NOT NULL,
                snapshot_date date NOT NULL,
                delivered_at timestamptz NOT NULL,
                file_name text NOT NULL,
                row_count integer NOT NULL,
                delivered_by text NOT NULL,
                content_sha256 text NOT NULL);
            CREATE INDEX ix_department_deliveries_county_list ON department_deliveries (county_code, list_id, snapshot_date, id);
            CREATE TABLE department_roster_lines (
                delivery_id bigint NOT NULL REFERENCES department_deliveries (id),
                line_no integer NOT NULL,
                line jsonb NOT NULL,
                PRIMARY KEY (delivery_id, line_no));
            CREATE TABLE run_roster_snapshots (
                run_id bigint NOT NULL,
                delivery_id bigint NOT NULL REFERENCES department_deliveries (id),
                PRIMARY KEY (run_id, delivery_id));
            CREATE TRIGGER department_deliveries_append_only BEFORE UPDATE OR DELETE ON department_deliveries FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER department_deliveries_no_truncate BEFORE TRUNCATE ON department_deliveries FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER department_roster_lines_append_only BEFORE UPDATE OR DELETE ON department_roster_lines FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER department_roster_lines_no_truncate BEFORE TRUNCATE ON department_roster_lines FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER run_roster_snapshots_append_only BEFORE UPDATE OR DELETE ON run_roster_snapshots FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER run_roster_snapshots_no_truncate BEFORE TRUNCATE ON run_roster_snapshots FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE IF EXISTS run_roster_snapshots;
            DROP TABLE IF EXISTS department_roster_lines;
            DROP TABLE IF EXISTS department_deliveries;
            """);
    }
}
