using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Store.Access;
using Monitoring.Store.Cases;
using Monitoring.Store.Exporting;
using Npgsql;

namespace Monitoring.Store.Web;

/// <summary>One household for a caller: not found outside the caller's area; every view is written to the access log.</summary>
public sealed class HouseholdQueries(NpgsqlDataSource dataSource, CaseStore cases, AccessLog accessLog)
{
    /// <summary>The household, or null when it does not exist for the caller. Logs the view.</summary>
    public HouseholdView? Get(Caller caller, string householdId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead();

        using var connection = dataSource.OpenConnection();
        var village = ScopedHouseholds.VillageOf(connection, caller, householdId);
        if (village is null)
        {
            return null;
        }

        string category;
        string record;
        using (var command = new NpgsqlCommand("""
            SELECT h.category, v.record::text FROM households h JOIN household_versions v ON v.hash = h.current_hash WHERE h.id = @id
            """, connection))
        {
            command.Parameters.AddWithValue("id", householdId);
            using var reader = command.ExecuteReader();
            reader.Read();
            category = reader.GetString(0);
            record = reader.GetString(1);
        }

        var (runId, asOf, findings) = LatestFindings(connection, householdId);
        var masked = ResidentIdText.MaskRecord(record);
        var log = cases.Log(householdId).Select(r => r with { Payload = ResidentIdText.Mask(r.Payload), Actor = ResidentIdText.Mask(r.Actor) }).ToList();
        accessLog.Append(caller, AccessActions.ViewHousehold, householdId, village, null, connection);
        return new HouseholdView(householdId, village, category, masked, runId, asOf,
            findings.Select(f => JsonNode.Parse(ResidentIdText.Mask(f))).ToList(), masked?["case"]?.DeepClone(), log,
            ReviewService.DecisionsOf(connection, householdId));
    }

    /// <summary>The household's findings in the latest completed run's view (carried-forward outcomes with that run's as-of).</summary>
    private static (long? RunId, DateOnly? AsOf, List<string> Findings) LatestFindings(NpgsqlConnection connection, string householdId)
    {
        long runId;
        DateOnly asOf;
        long? outcomeRun;
        using (var command = new NpgsqlCommand("""
            WITH run AS (SELECT id, profile, as_of FROM evaluation_runs WHERE status = 'completed' ORDER BY id DESC LIMIT 1)
            SELECT run.id, run.as_of, (SELECT o.run_id FROM household_outcomes o WHERE o.household_id = @id AND o.profile = run.profile
                                       AND o.run_id <= run.id ORDER BY o.run_id DESC LIMIT 1)
            FROM run
            """, connection))
        {
            command.Parameters.AddWithValue("id", householdId);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return (null, null, []);
            }

            runId = reader.GetInt64(0);
            asOf = reader.GetFieldValue<DateOnly>(1);
            outcomeRun = reader.IsDBNull(2) ? null : reader.GetInt64(2);
        }

        var findings = new List<string>();
        if (outcomeRun is { } recordedBy)
        {
            var asOfJson = FindingJson.AsOfPrefix + asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\"";
            using var command = new NpgsqlCommand("""
                SELECT finding::text FROM findings WHERE run_id = @run AND household_id = @id ORDER BY rule_id COLLATE "C"
                """, connection);
            command.Parameters.AddWithValue("run", recordedBy);
            command.Parameters.AddWithValue("id", householdId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var json = reader.GetString(0);
                findings.Add(recordedBy == runId ? json : FindingsExporter.WithAsOf(json, asOfJson));
            }
        }

        return (runId, asOf, findings);
    }
}
