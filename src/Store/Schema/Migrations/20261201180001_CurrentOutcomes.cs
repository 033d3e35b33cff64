using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Store.Schema.Migrations;

/// <summary>
/// <c>current_outcomes</c>: the read model of the outcomes in force, one row per (profile, household) — the latest stored
/// outcome of the nights in force (past-night runs excluded), with the village it was evaluated in, the rule ids of its
/// findings (candidates only) and <c>flagged_since</c>, the as-of of the first night of the run of nights with the same
/// outcome hash. The nightly run upserts it in the transaction that completes the run
/// (<c>Monitoring.Store.Nightly.CurrentOutcomes</c>); the review list pages and counts it through the partial index on
/// candidates. It is derived, not evidence: it can be rebuilt from <c>household_outcomes</c> (as this migration does).
/// </summary>
[DbContext(typeof(MonitoringDbContext))]
[Migration("20261201180001_CurrentOutcomes")]
public partial class CurrentOutcomes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE current_outcomes (
                profile text NOT NULL,
                household_id text NOT NULL,
                run_id bigint NOT NULL REFERENCES evaluation_runs (id),
                outcome_hash varchar(64) NOT NULL,
                candidate_type text NULL,
                village_code text NULL,
                flagged_since date NOT NULL,
                rule_ids text[] NOT NULL DEFAULT '{}',
                PRIMARY KEY (profile, household_id));

            WITH outcome AS (
                SELECT o.profile, o.household_id, o.run_id, o.outcome_hash, o.candidate_type, o.village_code, r.as_of,
                       o.outcome_hash IS DISTINCT FROM lag(o.outcome_hash) OVER (PARTITION BY o.profile, o.household_id ORDER BY o.run_id) AS starts
                FROM household_outcomes o JOIN evaluation_runs r ON r.id = o.run_id AND NOT r.point_in_time),
            latest AS (
                SELECT DISTINCT ON (profile, household_id) * FROM outcome ORDER BY profile, household_id, run_id DESC),
            streak AS (
                SELECT DISTINCT ON (profile, household_id) profile, household_id, as_of FROM outcome WHERE starts
                ORDER BY profile, household_id, run_id DESC)
            INSERT INTO current_outcomes (profile, household_id, run_id, outcome_hash, candidate_type, village_code, flagged_since, rule_ids)
            SELECT l.profile, l.household_id, l.run_id, l.outcome_hash, l.candidate_type, l.village_code, s.as_of,
                   CASE WHEN l.candidate_type IS NULL THEN '{}'::text[]
                        ELSE coalesce((SELECT array_agg(f.rule_id ORDER BY f.rule_id COLLATE "C") FROM findings f
                                       WHERE f.run_id = l.run_id AND f.household_id = l.household_id), '{}') END
            FROM latest l JOIN streak s ON s.profile = l.profile AND s.household_id = l.household_id;

            CREATE INDEX ix_current_outcomes_candidates ON current_outcomes (profile, village_code, household_id) WHERE candidate_type IS NOT NULL;
            ANALYZE current_outcomes;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE IF EXISTS current_outcomes;");
    }
}
