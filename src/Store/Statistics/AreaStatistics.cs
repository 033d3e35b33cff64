using Monitoring.Store.Access;
using Monitoring.Store.Runs;
using Npgsql;

namespace Monitoring.Store.Statistics;

/// <summary>
/// The 统计 dashboard of the caller's area (or an area inside it): by village (by town for a county) the households,
/// candidates, monitored, released and overdue households; findings by rule; the funnel flagged → reviewed → case →
/// included → released; candidates and findings over the last nights. Everything is read from the outcomes in force after
/// the latest completed run and filtered by area in SQL; "overdue" is a household with a PROC-…-OVERDUE finding in force
/// (the deadlines are the rules'), released is a recorded county announcement of release. The one dashboard service: the
/// 统计 page and <c>GET /api/v1/dashboard</c> read it; the last run is <see cref="RunQueries.LatestCompleted"/>'s.
/// </summary>
public sealed class AreaStatistics(NpgsqlDataSource dataSource, RunQueries runs)
{
    /// <summary>How many of the latest nights the trend shows.</summary>
    public const int TrendNights = 30;

    private const string Announced = """'[{"step":"county_announcement"}]'""";
    private const string Approved = """'[{"step":"county_approval"}]'""";

    /// <summary>
    /// The dashboard of <paramref name="requestedArea"/> (the caller's area when null; outside it:
    /// <see cref="OutsideAreaException"/>), by village — by town for a county unless <paramref name="byVillage"/>.
    /// </summary>
    public AreaDashboard For(Caller caller, string? requestedArea, bool byVillage = false)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead();

        var area = caller.ListArea(requestedArea);
        var groupLength = area.Length == 6 && !byVillage ? 9 : 12;
        var groupedBy = groupLength == 9 ? "镇" : "村";
        var latest = runs.LatestCompleted();
        if (latest is null)
        {
            return new AreaDashboard(area, null, null, groupedBy, [], [], [], []) { LastRun = null };
        }

        using var connection = dataSource.OpenConnection();
        return new AreaDashboard(area, latest.Id, latest.AsOf, groupedBy, Areas(connection, area, groupLength, latest.Id, latest.Profile),
            AreaOutcomes.ByRule(connection, area, latest.Id, latest.Profile), Funnel(connection, area, latest.Id, latest.Profile), Trend(connection, area, latest.Profile))
        {
            LastRun = latest,
        };
    }

    private static List<AreaFigures> Areas(NpgsqlConnection connection, string area, int groupLength, long runId, string profile)
    {
        using var command = new NpgsqlCommand($"""
            WITH current_outcome AS ({AreaOutcomes.InForce}),
            overdue AS (
                SELECT DISTINCT f.household_id FROM current_outcome c
                JOIN findings f ON f.run_id = c.run_id AND f.household_id = c.household_id
                WHERE f.rule_id LIKE 'PROC-%OVERDUE'),
            area_households AS (
                SELECT h.id, left(h.village_code, @group) AS grp, h.category, v.record
                FROM households h JOIN household_versions v ON v.hash = h.current_hash
                WHERE left(h.village_code, length(@area)) = @area)
            SELECT a.grp,
                   min(CASE WHEN @group = 12 THEN a.record->'region'->>'village' ELSE a.record->'region'->>'town' END),
                   count(*),
                   count(c.candidate_type),
                   count(*) FILTER (WHERE a.category = 'monitored'),
                   count(*) FILTER (WHERE a.record->'case'->'release'->'steps' @> {Announced}),
                   count(o.household_id),
                   count(*) FILTER (WHERE jsonb_typeof(a.record->'case') = 'object')
            FROM area_households a
            LEFT JOIN current_outcome c ON c.household_id = a.id
            LEFT JOIN overdue o ON o.household_id = a.id
            GROUP BY a.grp ORDER BY a.grp
            """, connection);
        AreaOutcomes.Bind(command, area, runId, profile);
        command.Parameters.AddWithValue("group", groupLength);
        using var reader = command.ExecuteReader();
        var rows = new List<AreaFigures>();
        while (reader.Read())
        {
            rows.Add(new AreaFigures(reader.GetString(0), reader.IsDBNull(1) ? reader.GetString(0) : reader.GetString(1), reader.GetInt64(2),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
        }

        return rows;
    }

    private static List<FunnelStage> Funnel(NpgsqlConnection connection, string area, long runId, string profile)
    {
        using var command = new NpgsqlCommand($"""
            WITH current_outcome AS ({AreaOutcomes.InForce}),
            area_households AS (
                SELECT h.id, v.record FROM households h JOIN household_versions v ON v.hash = h.current_hash
                WHERE left(h.village_code, length(@area)) = @area)
            SELECT
                (SELECT count(*) FROM current_outcome WHERE candidate_type IS NOT NULL),
                (SELECT count(DISTINCT r.household_id) FROM review_decisions r WHERE left(r.village_code, length(@area)) = @area),
                (SELECT count(*) FROM area_households WHERE jsonb_typeof(record->'case') = 'object'),
                (SELECT count(*) FROM area_households WHERE record->'case'->'inclusion' @> {Approved}),
                (SELECT count(*) FROM area_households WHERE record->'case'->'release'->'steps' @> {Announced})
            """, connection);
        AreaOutcomes.Bind(command, area, runId, profile);
        using var reader = command.ExecuteReader();
        reader.Read();
        return
        [
            new("flagged", "预警候选", reader.GetInt64(0)),
            new("reviewed", "已核查", reader.GetInt64(1)),
            new("case", "已立案", reader.GetInt64(2)),
            new("included", "已纳入监测", reader.GetInt64(3)),
            new("released", "已消除风险", reader.GetInt64(4)),
        ];
    }

    private static List<NightFigures> Trend(NpgsqlConnection connection, string area, string profile)
    {
        using var command = new NpgsqlCommand($"""
            WITH nights AS (
                SELECT id, as_of FROM evaluation_runs WHERE status = 'completed' AND profile = @profile ORDER BY id DESC LIMIT {TrendNights})
            SELECT n.id, n.as_of,
                   (SELECT count(*) FROM (
                        SELECT DISTINCT ON (o.household_id) o.candidate_type FROM household_outcomes o
                        WHERE o.profile = @profile AND o.run_id <= n.id AND left(o.village_code, length(@area)) = @area
                        ORDER BY o.household_id, o.run_id DESC) c WHERE c.candidate_type IS NOT NULL),
                   (SELECT coalesce(sum(c.findings_count), 0) FROM (
                        SELECT DISTINCT ON (o.household_id) o.findings_count FROM household_outcomes o
                        WHERE o.profile = @profile AND o.run_id <= n.id AND left(o.village_code, length(@area)) = @area
                        ORDER BY o.household_id, o.run_id DESC) c)
            FROM nights n ORDER BY n.id
            """, connection);
        command.Parameters.AddWithValue("profile", profile);
        command.Parameters.AddWithValue("area", area);
        using var reader = command.ExecuteReader();
        var rows = new List<NightFigures>();
        while (reader.Read())
        {
            rows.Add(new NightFigures(reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return rows;
    }
}
