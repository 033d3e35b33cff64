using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Findings;
using Monitoring.Engine.Reading;
using Monitoring.Rules.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Engine.Store;

/// <summary>
/// One full evaluation run over the store. The households are read from one REPEATABLE READ snapshot, evaluated
/// by the same pipeline as <c>evaluate</c>, and the findings, candidates, resolutions and the run's completion are
/// committed in that same transaction: a run killed midway leaves nothing but its "running" row, which the next
/// run marks failed.
/// </summary>
public sealed class NightlyRunner
{
    private readonly string _connectionString;
    private readonly RuleSet _ruleSet;

    public NightlyRunner(string connectionString, RuleSet ruleSet)
    {
        _connectionString = connectionString;
        _ruleSet = ruleSet;
    }

    /// <summary>Called now and then with (households evaluated, households in the run).</summary>
    public Action<long, long>? OnProgress { get; init; }

    /// <summary>Called after each stage of a run with its name (Chinese) and duration.</summary>
    public Action<string, TimeSpan>? OnStage { get; init; }

    public RunResult Run(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        MarkAbandonedRunsFailed();
        var rulesVersion = RuleVersions.ForRuleSet(_ruleSet);
        var runId = StartRun(asOf, rulesVersion);
        try
        {
            return Execute(runId, asOf, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = new NightlyRunFailedException(runId, ex);
            FailRun(runId, failure.Message);
            throw failure;
        }
        catch (OperationCanceledException)
        {
            FailRun(runId, "运行被取消");
            throw;
        }
    }

    /// <summary>Runs left "running" by a process on this host that no longer exists are marked failed.</summary>
    public int MarkAbandonedRunsFailed()
    {
        using var connection = Open();
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
            using var update = new NpgsqlCommand("UPDATE evaluation_runs SET status = 'failed', finished_at = now(), error = '进程中断：运行未完成，已标记为失败' WHERE id = @id AND status = 'running'", connection);
            update.Parameters.AddWithValue("id", id);
            update.ExecuteNonQuery();
        }

        return abandoned.Count;
    }

    private RunResult Execute(long runId, DateOnly asOf, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        // Every statement of this REPEATABLE READ transaction sees the same snapshot of the households.
        var total = HouseholdImporter.Scalar(connection, "SELECT count(*) FROM households");

        var findingsFile = Path.GetTempFileName();
        try
        {
            var candidates = new List<(string Id, string Type, string? Village)>();
            long evaluated = 0;
            var progress = Stopwatch.StartNew();
            var progress0 = Stopwatch.StartNew();
            var pipeline = new EvaluationPipeline(_ruleSet, asOf)
            {
                OnOutcome = outcome =>
                {
                    evaluated++;
                    if (outcome.CandidateType is { } type)
                    {
                        candidates.Add((outcome.HouseholdId, type, outcome.Findings.FirstOrDefault()?.VillageCode));
                    }

                    if (progress.ElapsedMilliseconds > 1000)
                    {
                        OnProgress?.Invoke(evaluated, total);
                        progress.Restart();
                    }
                },
                OnProblem = problem => throw new InvalidDataException($"库中记录无法评估：{problem}"),
            };

            EvaluationSummary summary;
            var versions = new HouseholdVersionMap();
            using (var output = new FileStream(findingsFile, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var export = connection.BeginBinaryExport(
                "COPY (SELECT h.id, h.current_hash, v.record::text FROM households h JOIN household_versions v ON v.hash = h.current_hash ORDER BY h.id) TO STDOUT (FORMAT BINARY)"))
            {
                summary = pipeline.Run(Records(export, versions), output, cancellationToken);
            }

            OnProgress?.Invoke(evaluated, total);
            Stage("读取与评估", progress0);
            StoreFindings(connection, runId, findingsFile, versions);

            // Fresh statistics for the rows just added, or the planner treats this run as empty and the
            // comparison below degenerates into a nested loop over both runs.
            HouseholdImporter.Execute(connection, "ANALYZE findings");
            Stage("保存发现", progress0);
            StoreCandidates(connection, runId, candidates);
            var previous = PreviousRun(connection, runId);
            var (fresh, resolved) = Compare(connection, runId, previous);
            Stage("与上一批次比较", progress0);
            using (var complete = new NpgsqlCommand("""
                UPDATE evaluation_runs SET status = 'completed', finished_at = now(), households_evaluated = @evaluated,
                    findings_count = @findings, candidates_count = @candidates, new_findings = @new, resolved_findings = @resolved
                WHERE id = @id
                """, connection) { CommandTimeout = 0 })
            {
                complete.Parameters.AddWithValue("evaluated", summary.HouseholdsEvaluated);
                complete.Parameters.AddWithValue("findings", summary.FindingsWritten);
                complete.Parameters.AddWithValue("candidates", summary.Candidates);
                complete.Parameters.AddWithValue("new", fresh);
                complete.Parameters.AddWithValue("resolved", resolved);
                complete.Parameters.AddWithValue("id", runId);
                complete.ExecuteNonQuery();
            }

            transaction.Commit();
            Stage("提交", progress0);
            return new RunResult(runId, previous, summary, fresh, resolved);
        }
        finally
        {
            File.Delete(findingsFile);
        }
    }

    /// <summary>The records of the run's snapshot; remembers which version each household was read at.</summary>
    private void Stage(string name, Stopwatch stopwatch)
    {
        OnStage?.Invoke(name, stopwatch.Elapsed);
        stopwatch.Restart();
    }

    private static IEnumerable<byte[]> Records(NpgsqlBinaryExporter export, HouseholdVersionMap versions)
    {
        while (export.StartRow() != -1)
        {
            var id = export.Read<string>(NpgsqlDbType.Text);
            versions.Add(id, export.Read<string>(NpgsqlDbType.Text));
            yield return Encoding.UTF8.GetBytes(export.Read<string>(NpgsqlDbType.Text));
        }
    }

    /// <summary>Streams the sorted findings file straight into <c>findings</c> with binary COPY, each with the household version it was evaluated on.</summary>
    private static void StoreFindings(NpgsqlConnection connection, long runId, string findingsFile, HouseholdVersionMap versions)
    {
        using var input = File.OpenRead(findingsFile);
        using var copy = connection.BeginBinaryImport("""
            COPY findings (run_id, household_id, rule_id, member_id, severity, as_of, rule_version, profile, village_code, household_hash, finding)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var line in new Utf8LineReader(input).ReadLines())
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var householdId = root.GetProperty("householdId").GetString()!;
            copy.StartRow();
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(householdId, NpgsqlDbType.Text);
            copy.Write(root.GetProperty("ruleId").GetString()!, NpgsqlDbType.Text);
            BinaryCopy.WriteText(copy, root.GetProperty("memberId").ValueKind == JsonValueKind.String ? root.GetProperty("memberId").GetString() : null);
            copy.Write(root.GetProperty("severity").GetString()!, NpgsqlDbType.Text);
            copy.Write(DateOnly.ParseExact(root.GetProperty("asOf").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Date);
            copy.Write(root.GetProperty("ruleVersion").GetString()!, NpgsqlDbType.Text);
            copy.Write(root.GetProperty("profile").GetString()!, NpgsqlDbType.Text);
            BinaryCopy.WriteText(copy, root.TryGetProperty("villageCode", out var village) ? village.GetString() : null);
            copy.Write(versions.HashOf(householdId), NpgsqlDbType.Text);
            copy.Write(Encoding.UTF8.GetString(line), NpgsqlDbType.Json);
        }

        copy.Complete();
    }

    private static void StoreCandidates(NpgsqlConnection connection, long runId, List<(string Id, string Type, string? Village)> candidates)
    {
        using var copy = connection.BeginBinaryImport("COPY candidates (run_id, household_id, candidate_type, village_code) FROM STDIN (FORMAT BINARY)");
        foreach (var (id, type, village) in candidates)
        {
            copy.StartRow();
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(id, NpgsqlDbType.Text);
            copy.Write(type, NpgsqlDbType.Text);
            BinaryCopy.WriteText(copy, village);
        }

        copy.Complete();
    }

    private long? PreviousRun(NpgsqlConnection connection, long runId)
    {
        using var command = new NpgsqlCommand("SELECT max(id) FROM evaluation_runs WHERE profile = @profile AND status = 'completed' AND id < @id", connection);
        command.Parameters.AddWithValue("profile", _ruleSet.Profile.Id);
        command.Parameters.AddWithValue("id", runId);
        return command.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>New findings (no finding of that household and rule in the previous run) and resolved ones (recorded as resolutions).</summary>
    private static (long New, long Resolved) Compare(NpgsqlConnection connection, long runId, long? previous)
    {
        using var fresh = new NpgsqlCommand("""
            SELECT count(*) FROM findings c WHERE c.run_id = @run
              AND NOT EXISTS (SELECT 1 FROM findings p WHERE p.run_id = @previous AND p.household_id = c.household_id AND p.rule_id = c.rule_id)
            """, connection) { CommandTimeout = 0 };
        fresh.Parameters.AddWithValue("run", runId);
        fresh.Parameters.AddWithValue("previous", previous ?? -1L);
        var newCount = (long)fresh.ExecuteScalar()!;
        using var resolve = new NpgsqlCommand("""
            INSERT INTO finding_resolutions (finding_id, run_id)
            SELECT p.id, @run FROM findings p WHERE p.run_id = @previous
              AND NOT EXISTS (SELECT 1 FROM findings c WHERE c.run_id = @run AND c.household_id = p.household_id AND c.rule_id = p.rule_id)
            """, connection) { CommandTimeout = 0 };
        resolve.Parameters.AddWithValue("run", runId);
        resolve.Parameters.AddWithValue("previous", previous ?? -1L);
        return (newCount, resolve.ExecuteNonQuery());
    }

    private long StartRun(DateOnly asOf, string rulesVersion)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("""
            INSERT INTO evaluation_runs (as_of, profile, rules_version, mode, status, started_at, host, process_id,
                households_evaluated, findings_count, candidates_count, new_findings, resolved_findings)
            VALUES (@asOf, @profile, @rules, 'full', 'running', now(), @host, @pid, 0, 0, 0, 0, 0) RETURNING id
            """, connection);
        command.Parameters.AddWithValue("asOf", asOf);
        command.Parameters.AddWithValue("profile", _ruleSet.Profile.Id);
        command.Parameters.AddWithValue("rules", rulesVersion);
        command.Parameters.AddWithValue("host", Environment.MachineName);
        command.Parameters.AddWithValue("pid", Environment.ProcessId);
        return (long)command.ExecuteScalar()!;
    }

    private void FailRun(long runId, string error)
    {
        try
        {
            using var connection = Open();
            using var command = new NpgsqlCommand("UPDATE evaluation_runs SET status = 'failed', finished_at = now(), error = @error WHERE id = @id AND status = 'running'", connection);
            command.Parameters.AddWithValue("error", error);
            command.Parameters.AddWithValue("id", runId);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The connection is gone: the next run marks this one failed.
        }
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
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
