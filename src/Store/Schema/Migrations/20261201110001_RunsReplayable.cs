using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// What a night needs to be replayed and what it set aside (ADR 0005): every distinct rule set's files, content-addressed;
/// the rule set each run used; the households a run could not evaluate; the helper groups' counts and the household
/// versions / risk series each run saw where they changed. All evidence tables are append-only (SQLSTATE 42501).
/// Accessed with Npgsql (not part of the EF model).
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201110001_RunsReplayable")]
public partial class RunsReplayable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE rule_sets (
                hash text PRIMARY KEY,
                rules_version text NOT NULL,
                file_count integer NOT NULL,
                stored_at timestamptz NOT NULL);
            CREATE TABLE rule_set_files (
                rule_set_hash text NOT NULL REFERENCES rule_sets (hash),
                path text NOT NULL,
                content bytea NOT NULL,
                PRIMARY KEY (rule_set_hash, path));
            ALTER TABLE evaluation_runs ADD COLUMN rule_set_hash text REFERENCES rule_sets (hash);
            ALTER TABLE evaluation_runs ADD COLUMN set_aside_count bigint NOT NULL DEFAULT 0;
            ALTER TABLE household_outcomes ADD COLUMN risk_since_run_id bigint;

            CREATE TABLE run_set_aside (
                id bigserial PRIMARY KEY,
                run_id bigint NOT NULL REFERENCES evaluation_runs (id),
                household_id text NOT NULL,
                household_hash text,
                field text NOT NULL,
                reason text NOT NULL);
            CREATE INDEX ix_run_set_aside_run_id ON run_set_aside (run_id, household_id);

            CREATE TABLE run_helper_groups (
                run_id bigint NOT NULL REFERENCES evaluation_runs (id),
                profile text NOT NULL,
                county_code text NOT NULL,
                helper_name text NOT NULL,
                monitored integer NOT NULL,
                lifted integer NOT NULL,
                households integer NOT NULL,
                PRIMARY KEY (profile, county_code, helper_name, run_id));

            CREATE TABLE household_evaluations (
                run_id bigint NOT NULL REFERENCES evaluation_runs (id),
                household_id text NOT NULL,
                profile text NOT NULL,
                household_hash text NOT NULL,
                risk_since_run_id bigint,
                PRIMARY KEY (household_id, profile, run_id));

            -- What the runs before this migration left: each profile's helper-group counts as its latest completed run saw
            -- them, each household's last evaluated version and risk series.
            INSERT INTO run_helper_groups (run_id, profile, county_code, helper_name, monitored, lifted, households)
            SELECT r.id, s.profile, s.county_code, s.helper_name, s.monitored, s.lifted, s.households
            FROM helper_group_states s
            JOIN (SELECT profile, max(id) AS id FROM evaluation_runs WHERE status = 'completed' GROUP BY profile) r ON r.profile = s.profile;
            INSERT INTO household_evaluations (run_id, household_id, profile, household_hash, risk_since_run_id)
            SELECT s.last_run_id, s.household_id, s.profile, s.household_hash, s.risk_since_run_id
            FROM household_evaluation_states s WHERE EXISTS (SELECT 1 FROM evaluation_runs r WHERE r.id = s.last_run_id);

            CREATE TRIGGER rule_sets_append_only BEFORE UPDATE OR DELETE ON rule_sets FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER rule_sets_no_truncate BEFORE TRUNCATE ON rule_sets FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER rule_set_files_append_only BEFORE UPDATE OR DELETE ON rule_set_files FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER rule_set_files_no_truncate BEFORE TRUNCATE ON rule_set_files FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER run_set_aside_append_only BEFORE UPDATE OR DELETE ON run_set_aside FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER run_set_aside_no_truncate BEFORE TRUNCATE ON run_set_aside FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER run_helper_groups_append_only BEFORE UPDATE OR DELETE ON run_helper_groups FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER run_helper_groups_no_truncate BEFORE TRUNCATE ON run_helper_groups FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER household_evaluations_append_only BEFORE UPDATE OR DELETE ON household_evaluations FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER household_evaluations_no_truncate BEFORE TRUNCATE ON household_evaluations FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE IF EXISTS household_evaluations;
            DROP TABLE IF EXISTS run_helper_groups;
            DROP TABLE IF EXISTS run_set_aside;
            ALTER TABLE household_outcomes DROP COLUMN IF EXISTS risk_since_run_id;
            ALTER TABLE evaluation_runs DROP COLUMN IF EXISTS set_aside_count;
            ALTER TABLE evaluation_runs DROP COLUMN IF EXISTS rule_set_hash;
            DROP TABLE IF EXISTS rule_set_files;
            DROP TABLE IF EXISTS rule_sets;
            """);
    }
}
