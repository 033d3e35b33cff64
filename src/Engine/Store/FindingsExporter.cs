using Npgsql;

namespace Monitoring.Engine.Store;

/// <summary>Reads the findings of a stored run back out, exactly as <c>evaluate</c> wrote them, sorted by household id and rule id.</summary>
public sealed class FindingsExporter
{
    private readonly string _connectionString;

    public FindingsExporter(string connectionString) => _connectionString = connectionString;

    /// <summary>The id of the newest completed run (optionally of one profile), or null when there is none.</summary>
    public long? LatestCompletedRun(string? profile = null)
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT max(id) FROM evaluation_runs WHERE status = 'completed' AND (@profile::text IS NULL OR profile = @profile)", connection);
        command.Parameters.AddWithValue("profile", (object?)profile ?? DBNull.Value);
        return command.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>The run's status, or null when there is no such run.</summary>
    public string? RunStatus(long runId)
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT status FROM evaluation_runs WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", runId);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Each finding's JSON text, in order; <paramref name="villageCode"/> limits them to one village.</summary>
    public IEnumerable<string> Findings(long runId, string? villageCode)
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""
            SELECT finding::text FROM findings WHERE run_id = @run AND (@village::text IS NULL OR village_code = @village)
            ORDER BY household_id COLLATE "C", rule_id COLLATE "C"
            """, connection);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("village", (object?)villageCode ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }
}
