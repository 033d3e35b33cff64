using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// Review decisions on flagged households (confirm | dismiss, with who, role, when and the outcome hash decided on) and
/// the access log (every household view, export and decision: who, when, what, from where). Both append-only.
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201130002_ReviewDecisionsAccessLog")]
public partial class ReviewDecisionsAccessLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
CREATE TABLE review_decisions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_id text NOT NULL,
    village_code text,
    run_id bigint NOT NULL REFERENCES evaluation_runs (id),
    outcome_hash text NOT NULL,
    decision text NOT NULL CHECK (decision IN ('confirm', 'dismiss')),
    reason_category text,
    reason text,
    user_name text NOT NULL,
    role text NOT NULL,
    decided_at timestamptz NOT NULL,
    client_address text,
    CHECK (decision = 'confirm' OR (reason IS NOT NULL AND length(btrim(reason)) > 0))
);
CREATE INDEX ix_review_decisions_household_id ON review_decisions (household_id, id);
CREATE TABLE access_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    user_name text NOT NULL,
    role text NOT NULL,
    action text NOT NULL,
    household_id text,
    area_code text,
    detail text,
    client_address text
);
CREATE INDEX ix_access_log_household_id ON access_log (household_id, id);
CREATE INDEX ix_access_log_at ON access_log (at);
CREATE TRIGGER review_decisions_append_only BEFORE UPDATE OR DELETE ON review_decisions FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER review_decisions_no_truncate BEFORE TRUNCATE ON review_decisions FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE access_log; DROP TABLE review_decisions;");
    }
}
