using System.Diagnostics;
using Npgsql;

namespace Monitoring.Store.Nightly;

/// <summary>
/// The run ledger (<c>evaluation_runs</c>): starts, completes and fails runs, marks runs abandoned by a dead process
/// failed, and finds the previous completed run of a profile. Times come from the one clock (<see cref="TimeProvider"/>).
/// </summary>
public sealed class RunLedger
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;

    public RunLedger(NpgsqlDataSource dataSource, TimeProvider clock)
    {
        _dataSource = dataSource;
        _clock = clock;
    }

    public TimeProvider Clock => _clock;

    /// <summary>Runs left "running" by a process on this host that no longer exists are marked failed.</summary>
    public int MarkAbandonedRunsFailed()
    {
        using var connection = _dataSource.OpenConnection();
        var abandoned = new List<long>();
        using (var command = new NpgsqlCommand("SELECT id, process_id FROM evaluation_runs WHERE status = 'running' AND host = @host", connection))
        {
            command.Parameters.AddWithValue("host", Environment.MachineName);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!IsAlive(reader.GetInt32(1)))
                {
                    abandoned.Add(reader.GetInt64(0));
                }
            }
        }

        foreach (var id in abandoned)
        {
            using var update = new NpgsqlCommand("UPDATE evaluation_runs SET status = 'failed', finished_at = @now, error = '进程中断：运行未完成，已标记为失败' WHERE id = @id AND status = 'running'", connection);
            update.Parameters.AddWithValue("id", id);
            update.Parameters.AddWithValue("now", _clock.GetUtcNow());
            update.ExecuteNonQuery();
        }

        return abandoned.Count;
    }

    /// <summary>The newest completed run of the profile that is not a past night's (point-in-time) run, or null.</summary>
    public PreviousRun? PreviousRun(string profile)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT id, as_of, rules_version, engine_version FROM evaluation_runs
            WHERE profile = @profile AND status = 'completed' AND NOT point_in_time ORDER BY id DESC LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("profile", profile);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new PreviousRun(reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
    }

    /// <summary>Records a new run as "running" on this host and process and returns its id.</summary>
    public long Start(DateOnly asOf, string profile, string rulesVersion, string engineVersion, string mode)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            INSERT INTO evaluation_runs (as_of, profile, rules_version, engine_version, mode, status, started_at, host, process_id,
                households_evaluated, outcomes_recorded, findings_count, candidates_count, new_findings, resolved_findings)
            VALUES (@asOf, @profile, @rules, @engine, @mode, 'running', @now, @host, @pid, 0, 0, 0, 0, 0, 0) RETURNING id
            """, connection);
        command.Parameters.AddWithValue("asOf", asOf);
        command.Parameters.AddWithValue("profile", profile);
        command.Parameters.AddWithValue("rules", rulesVersion);
        command.Parameters.AddWithValue("engine", engineVersion);
        command.Parameters.AddWithValue("mode", mode);
        command.Parameters.AddWithValue("now", _clock.GetUtcNow());
        command.Parameters.AddWithValue("host", Environment.MachineName);
        command.Parameters.AddWithValue("pid", Environment.ProcessId);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Marks the run completed with its counts, inside the run's write transaction (committed with everything it wrote).</summary>
    public void Complete(NpgsqlConnection write, long runId, RunCompletion counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var complete = new NpgsqlCommand("""
            UPDATE evaluation_runs SET status = 'completed', finished_at = @now, households_evaluated = @evaluated, outcomes_recorded = @outcomes,
                findings_count = @findings, candidates_count = @candidates, new_findings = @new, resolved_findings = @resolved, set_aside_count = @setAside, rule_set_hash = @ruleSet, mode = @mode, point_in_time = @pointInTime
            WHERE id = @id
            """, write);
        complete.Parameters.AddWithValue("now", _clock.GetUtcNow());
        complete.Parameters.AddWithValue("evaluated", counts.Evaluated);
        complete.Parameters.AddWithValue("outcomes", counts.OutcomesRecorded);
        complete.Parameters.AddWithValue("findings", counts.Findings);
        complete.Parameters.AddWithValue("candidates", counts.Candidates);
        complete.Parameters.AddWithValue("new", counts.NewFindings);
        complete.Parameters.AddWithValue("resolved", counts.ResolvedFindings);
        complete.Parameters.AddWithValue("setAside", counts.SetAside);
        complete.Parameters.AddWithValue("ruleSet", (object?)counts.RuleSetHash ?? DBNull.Value);
        complete.Parameters.AddWithValue("mode", counts.Mode);
        complete.Parameters.AddWithValue("pointInTime", counts.PointInTime);
        complete.Parameters.AddWithValue("id", runId);
        complete.ExecuteNonQuery();
    }

    /// <summary>Marks a running run failed with its error; when the database is unreachable the next run does it.</summary>
    public void Fail(long runId, string error)
    {
        try
        {
            using var connection = _dataSource.OpenConnection();
            using var command = new NpgsqlCommand("UPDATE evaluation_runs SET status = 'failed', finished_at = @now, error = @error WHERE id = @id AND status = 'running'", connection);
            command.Parameters.AddWithValue("now", _clock.GetUtcNow());
            command.Parameters.AddWithValue("error", error);
            command.Parameters.AddWithValue("id", runId);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The connection is gone: the next run marks this one failed.
        }
    }

    /// <summary>One run per profile at a time: a transaction-scoped advisory lock, refused (not waited for) when taken.</summary>
    public static void TakeRunLock(NpgsqlConnection write, string profile)
    {
        using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtext('monitoring-nightly'), hashtext(@profile))", write);
        command.Parameters.AddWithValue("profile", profile);
        if (command.ExecuteScalar() is not true)
        {
            throw new InvalidOperationException($"地区配置 {profile} 的另一个评估批次正在运行，本批次未执行");
        }
    }

    /// <summary>The completed nightly runs of a profile (id, as-of; past nights' point-in-time runs are not nightly runs), to count the nights of a risk series.</summary>
    public static List<(long Id, DateOnly AsOf)> CompletedRuns(NpgsqlConnection connection, string profile, long? beforeRunId = null)
    {
        using var command = new NpgsqlCommand("SELECT id, as_of FROM evaluation_runs WHERE profile = @profile AND status = 'completed' AND NOT point_in_time AND (@before::bigint IS NULL OR id < @before)", connection);
        command.Parameters.AddWithValue("profile", profile);
        command.Parameters.AddWithValue("before", (object?)beforeRunId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var runs = new List<(long, DateOnly)>();
        while (reader.Read())
        {
            runs.Add((reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1)));
        }

        return runs;
    }

    /// <summary>The profile's past nights' (point-in-time) runs: their outcomes and helper-group rows are not part of the nights in force.</summary>
    public static long[] PointInTimeRuns(NpgsqlConnection connection, string profile)
    {
        using var command = new NpgsqlCommand("SELECT coalesce(array_agg(id), '{}') FROM evaluation_runs WHERE profile = @profile AND point_in_time", connection);
        command.Parameters.AddWithValue("profile", profile);
        return (long[])command.ExecuteScalar()!;
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
