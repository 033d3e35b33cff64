using Npgsql;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Exporting;

/// <summary>Reads the findings of a stored run back out, exactly as <c>evaluate</c> wrote them, sorted by household id and rule id.</summary>
public sealed class FindingsExporter
{
    private readonly NpgsqlDataSource _dataSource;

    public FindingsExporter(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>The id of the newest completed run (optionally of one profile), or null when there is none.</summary>
    public long? LatestCompletedRun(string? profile = null)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT max(id) FROM evaluation_runs WHERE status = 'completed' AND (@profile::text IS NULL OR profile = @profile)", connection);
        command.Parameters.AddWithValue("profile", (object?)profile ?? DBNull.Value);
        return command.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>The run's status, or null when there is no such run.</summary>
    public string? RunStatus(long runId)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT status FROM evaluation_runs WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", runId);
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// The run's findings, each as JSON text exactly as <c>evaluate</c> would write it for the run's as-of, sorted by
    /// household id then rule id; <paramref name="villageCode"/> limits them to one village. A run's view of a household
    /// is the newest outcome its profile recorded up to that run: a finding carried forward from an earlier night is
    /// the stored row with the as-of date of this run (the only field that differs, by construction of the outcome hash).
    /// </summary>
    public IEnumerable<string> Findings(long runId, string? villageCode) => Findings(runId, villageCode, null);

    /// <summary>The run's findings of one village and/or one household (null: all).</summary>
    public IEnumerable<string> Findings(long runId, string? villageCode, string? householdId)
    {
        using var connection = _dataSource.OpenConnection();
        string profile;
        DateOnly asOf;
        bool pointInTime;
        using (var run = new NpgsqlCommand("SELECT profile, as_of, point_in_time FROM evaluation_runs WHERE id = @id", connection))
        {
            run.Parameters.AddWithValue("id", runId);
            using var reader = run.ExecuteReader();
            if (!reader.Read())
            {
                yield break;
            }

            profile = reader.GetString(0);
            asOf = reader.GetFieldValue<DateOnly>(1);
            pointInTime = reader.GetBoolean(2);
        }

        var asOfJson = Monitoring.Engine.Formats.FindingJson.AsOfPrefix + asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "\"";
        using var command = new NpgsqlCommand("""
            SELECT f.run_id, f.finding::text FROM (
                SELECT DISTINCT ON (o.household_id) o.household_id, o.run_id FROM household_outcomes o
                WHERE o.profile = @profile AND o.run_id <= @run AND (@household::text IS NULL OR o.household_id = @household)
                    AND (NOT @pointInTime OR o.run_id = @run) AND NOT (o.run_id = ANY (@otherNights))
                ORDER BY o.household_id, o.run_id DESC) current_outcome
            JOIN findings f ON f.run_id = current_outcome.run_id AND f.household_id = current_outcome.household_id
            WHERE @village::text IS NULL OR f.village_code = @village
            ORDER BY f.household_id COLLATE "C", f.rule_id COLLATE "C"
            """, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("profile", profile);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("village", (object?)villageCode ?? DBNull.Value);
        command.Parameters.AddWithValue("household", (object?)householdId ?? DBNull.Value);
        // A past night's run recorded every household present that night; the outcomes of other nights are not its view.
        command.Parameters.AddWithValue("pointInTime", pointInTime);
        // Nor are a past night's outcomes part of the nights in force after it.
        command.Parameters.AddWithValue("otherNights", pointInTime ? [] : Monitoring.Store.Nightly.RunLedger.PointInTimeRuns(connection, profile));
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            var json = rows.GetString(1);
            yield return rows.GetInt64(0) == runId ? json : WithAsOf(json, asOfJson);
        }
    }

    /// <summary>Replaces the finding's top-level as-of (the first <c>"asOf":"yyyy-MM-dd"</c>) with another.</summary>
    internal static string WithAsOf(string json, string asOfJson)
    {
        var at = json.IndexOf(Monitoring.Engine.Formats.FindingJson.AsOfPrefix, StringComparison.Ordinal);
        return at < 0 ? json : string.Concat(json.AsSpan(0, at), asOfJson, json.AsSpan(at + Monitoring.Engine.Formats.FindingJson.AsOfLength));
    }
}
