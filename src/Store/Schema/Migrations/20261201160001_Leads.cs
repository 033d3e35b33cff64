using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// Leads (线索, department-data.md): a self-declaration, a department warning line or a village report, matched to a
/// household and member (or none), and the history of each lead's status (pending → confirmed | rejected with a reason).
/// Both append-only by trigger. A warning line becomes a lead once (<c>warning_key</c>: list, county, person, date, kind).
/// Hand-written SQL, outside the EF model (tables accessed with Npgsql).
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201160001_Leads")]
public partial class Leads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE leads (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                receipt_no text UNIQUE,
                source_kind text NOT NULL CHECK (source_kind IN ('self_declaration', 'department_warning', 'village_report')),
                delivery_id bigint REFERENCES department_deliveries (id),
                list_id text,
                snapshot_date date,
                line_no integer,
                warning_key text UNIQUE,
                county_code text NOT NULL,
                village_code text,
                household_id text,
                member_id text,
                person_name text,
                id_number text,
                phone text,
                difficulty_kind text NOT NULL,
                description text NOT NULL,
                raised_on date NOT NULL,
                raised_at timestamptz NOT NULL,
                raised_by text NOT NULL,
                client_address text,
                CHECK (source_kind <> 'self_declaration' OR (receipt_no IS NOT NULL AND village_code IS NOT NULL)),
                CHECK (source_kind <> 'department_warning' OR (delivery_id IS NOT NULL AND line_no IS NOT NULL AND warning_key IS NOT NULL)),
                CHECK (source_kind <> 'village_report' OR (household_id IS NOT NULL AND village_code IS NOT NULL)));
            CREATE INDEX ix_leads_area ON leads ((coalesce(village_code, county_code)), id);
            CREATE INDEX ix_leads_household ON leads (household_id, id);
            CREATE TABLE lead_status (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                lead_id bigint NOT NULL REFERENCES leads (id),
                status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected')),
                reason text,
                household_id text,
                case_log_id bigint,
                decided_by text NOT NULL,
                role text,
                decided_at timestamptz NOT NULL,
                client_address text,
                CHECK (status <> 'rejected' OR (reason IS NOT NULL AND length(btrim(reason)) > 0)),
                CHECK (status <> 'confirmed' OR household_id IS NOT NULL));
            CREATE UNIQUE INDEX ux_lead_status_one_pending ON lead_status (lead_id) WHERE status = 'pending';
            CREATE UNIQUE INDEX ux_lead_status_one_decision ON lead_status (lead_id) WHERE status <> 'pending';
            CREATE TRIGGER leads_append_only BEFORE UPDATE OR DELETE ON leads FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER leads_no_truncate BEFORE TRUNCATE ON leads FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER lead_status_append_only BEFORE UPDATE OR DELETE ON lead_status FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER lead_status_no_truncate BEFORE TRUNCATE ON lead_status FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE IF EXISTS lead_status;
            DROP TABLE IF EXISTS leads;
            """);
    }
}
