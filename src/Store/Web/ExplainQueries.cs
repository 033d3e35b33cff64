using Monitoring.Store.Access;
using Monitoring.Store.Replay;
using Npgsql;

namespace Monitoring.Store.Web;

/// <summary>
/// The one "why / why not" of the web: the replay of one household on one stored night for a caller
/// (<see cref="ReplayService"/>, the path <c>explain --run</c> takes) — every rule fired or silent with its conditions, values,
/// parameters and their sources, the Chinese sentence, and whether the replay reproduces the stored findings. The 审计 page,
/// the household page's 逐条说明 and <c>GET /api/v1/households/{id}/explain</c> all call it. Not found outside the caller's
/// area or for an unknown run; every replay is written to the access log.
/// </summary>
public sealed class ExplainQueries(NpgsqlDataSource dataSource, ReplayService replay, AccessLog accessLog)
{
    /// <summary>
    /// The replay on run <paramref name="runId"/> (null: the latest completed run), or null when the household or the run
    /// does not exist for the caller. A run that cannot be replayed for the household throws
    /// <see cref="ReplayRefusedException"/> (the refusal is logged too: the caller asked about the household).
    /// </summary>
    public ReplayResult? Explain(Caller caller, string householdId, long? runId = null)
    {
        if (ScopedHouseholds.OpenFor(dataSource, caller, householdId) is not (var connection, var village))
        {
            return null;
        }

        using var _ = connection;
        using (var run = new NpgsqlCommand("""
            SELECT id FROM evaluation_runs WHERE (@id::bigint IS NULL AND status = 'completed') OR id = @id ORDER BY id DESC LIMIT 1
            """, connection))
        {
            run.Parameters.AddWithValue("id", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)runId ?? DBNull.Value);
            if (run.ExecuteScalar() is not long found)
            {
                return null;
            }

            runId = found;
        }

        accessLog.Append(caller, AccessActions.Explain, householdId, village, $"run {runId}", connection);
        return replay.Replay(runId.Value, householdId);
    }
}
