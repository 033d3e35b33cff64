using Monitoring.Store.Access;
using Monitoring.Store.Replay;
using Npgsql;

namespace Monitoring.Store.Web;

/// <summary>
/// The replay of one household on one stored night for a caller (<see cref="ReplayService"/>): not found outside the
/// caller's area or for an unknown run; every replay is written to the access log.
/// </summary>
public sealed class ExplainQueries(NpgsqlDataSource dataSource, ReplayService replay, AccessLog accessLog)
{
    /// <summary>The replay, or null when the household or the run does not exist for the caller. A run that cannot be
    /// replayed for the household throws <see cref="ReplayRefusedException"/>.</summary>
    public ReplayResult? Explain(Caller caller, string householdId, long runId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.CanRead)
        {
            throw new NotPermittedException("管理员账号不能查看农户数据");
        }

        using var connection = dataSource.OpenConnection();
        var village = ScopedHouseholds.VillageOf(connection, caller, householdId);
        if (village is null)
        {
            return null;
        }

        using (var run = new NpgsqlCommand("SELECT 1 FROM evaluation_runs WHERE id = @id", connection))
        {
            run.Parameters.AddWithValue("id", runId);
            if (run.ExecuteScalar() is null)
            {
                return null;
            }
        }

        var result = replay.Replay(runId, householdId);
        accessLog.Append(caller, AccessActions.Explain, householdId, village, $"run {runId}", connection);
        return result;
    }
}
