using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// The application's database role <c>monitoring_app</c> (not a superuser, owns nothing): created if missing (a
/// deployment may create it beforehand with a password), and <c>monitoring_grant_application_role()</c>, which grants it
/// SELECT and INSERT on every table, UPDATE and DELETE only on tables that are not append-only evidence (those with a
/// <c>refuse_change()</c> trigger), and the sequences. The migrator calls the function again after every migration so
/// tables added later get the same treatment; default privileges cover tables created in between.
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201130003_ApplicationRole")]
public partial class ApplicationRole : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'monitoring_app') THEN
    BEGIN
      CREATE ROLE monitoring_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
END $$;
CREATE OR REPLACE FUNCTION monitoring_grant_application_role() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO monitoring_app', current_database());
  GRANT USAGE ON SCHEMA public TO monitoring_app;
  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO monitoring_app;
  FOR t IN
    SELECT c.relname,
           EXISTS (SELECT FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid
                   WHERE g.tgrelid = c.oid AND p.proname = 'refuse_change') AS evidence
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format('REVOKE ALL ON TABLE public.%I FROM monitoring_app', t.relname);
    IF t.relname = '__ef_migrations_history' THEN
      EXECUTE format('GRANT SELECT ON TABLE public.%I TO monitoring_app', t.relname);
    ELSIF t.evidence THEN
      EXECUTE format('GRANT SELECT, INSERT ON TABLE public.%I TO monitoring_app', t.relname);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.%I TO monitoring_app', t.relname);
    END IF;
  END LOOP;
END $$;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO monitoring_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO monitoring_app;
SELECT monitoring_grant_application_role();
""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM monitoring_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM monitoring_app;
DROP FUNCTION monitoring_grant_application_role();
""");
    }
}
