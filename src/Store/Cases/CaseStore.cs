using System.Text;
using System.Text.Json;
using Monitoring.Store.History;
using Monitoring.Engine.Records;
using Npgsql;
using NpgsqlTypes;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Cases;

/// <summary>
/// Case commands against the store. Each command runs in one transaction: the household row is locked, the command is
/// applied to the record in force, the resulting record becomes a household version (inserted when its hash is new), the
/// household points at it (category and helper columns updated), and the command is appended to <c>case_log</c>. The
/// nightly run therefore evaluates exactly what the commands recorded.
/// </summary>
public sealed class CaseStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;

    public CaseStore(NpgsqlDataSource dataSource, TimeProvider? clock = null)
    {
        _dataSource = dataSource;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The record in force for a household, or null when the store has no such household.</summary>
    public StoredHousehold? Load(string householdId)
    {
        using var connection = Open();
        return Load(connection, null, householdId, forUpdate: false);
    }

    /// <summary>
    /// Applies <paramref name="apply"/> to the household's record in force and records the command; returns null when the
    /// store has no such household. A refused command (<see cref="CaseRejectedException"/>) leaves the store untouched.
    /// </summary>
    public CaseCommandResult? Record(string householdId, CaseCommand command, string actor, string client, Func<HouseholdRecord, HouseholdRecord> apply)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(apply);
        return Record(householdId, actor, client, (current, _) => (apply(current), command));
    }

    /// <summary>
    /// As above, for commands computed from the household's case log (corrections and voids): <paramref name="apply"/> reads
    /// the log inside the transaction, under the household's lock, and returns the resulting record and the command to log.
    /// Transient conflicts (deadlock, serialization failure) are retried.
    /// </summary>
    public CaseCommandResult? Record(string householdId, string actor, string client, Func<HouseholdRecord, CaseLogReader, (HouseholdRecord Next, CaseCommand Logged)> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        return TransientConflict.Retry(() => RecordOnce(householdId, actor, client, apply));
    }

    private CaseCommandResult? RecordOnce(string householdId, string actor, string client, Func<HouseholdRecord, CaseLogReader, (HouseholdRecord Next, CaseCommand Logged)> apply)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        if (Load(connection, transaction, householdId, forUpdate: true) is not { } current)
        {
            return null;
        }

        var (next, command) = apply(current.Record, new CaseLogReader(connection, transaction, householdId));
        var json = CanonicalRecord.Bytes(next);
        var hash = CanonicalRecord.Hash(json);
        int inserted;
        using (var insert = new NpgsqlCommand("""
            INSERT INTO household_versions (hash, household_id, record, first_seen_at) VALUES (@hash, @id, @record, now())
            ON CONFLICT (hash) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("hash", hash);
            insert.Parameters.AddWithValue("id", householdId);
            insert.Parameters.AddWithValue("record", NpgsqlDbType.Jsonb, Encoding.UTF8.GetString(json));
            inserted = insert.ExecuteNonQuery();
        }

        using (var update = new NpgsqlCommand("""
            UPDATE households SET current_hash = @hash, category = @category, helper_name = @helper, updated_at = now() WHERE id = @id
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("hash", hash);
            update.Parameters.AddWithValue("category", next.Category ?? "ordinary");
            update.Parameters.AddWithValue("helper", (object?)next.Helper?.Name ?? DBNull.Value);
            update.Parameters.AddWithValue("id", householdId);
            update.ExecuteNonQuery();
        }

        long logId;
        using (var log = new NpgsqlCommand("""
            INSERT INTO case_log (household_id, command, payload, actor, client, previous_hash, resulting_hash)
            VALUES (@id, @command, @payload, @actor, @client, @previous, @hash) RETURNING id
            """, connection, transaction))
        {
            log.Parameters.AddWithValue("id", householdId);
            log.Parameters.AddWithValue("command", command.Name);
            log.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, command.PayloadJson());
            log.Parameters.AddWithValue("actor", actor);
            log.Parameters.AddWithValue("client", client);
            log.Parameters.AddWithValue("previous", current.Hash);
            log.Parameters.AddWithValue("hash", hash);
            logId = (long)log.ExecuteScalar()!;
        }

        var source = command.Name is CaseCommand.Correct or CaseCommand.Void ? ChangeSources.Correction : ChangeSources.Case;
        HouseholdChangeLog.Append(connection, transaction, new HouseholdChange(householdId, current.Hash, hash, _clock.GetUtcNow(), command.Date,
            source, actor, client)
        {
            DetailsJson = CaseChangeDetails(command, logId),
        });

        transaction.Commit();
        return new CaseCommandResult(logId, current.Hash, hash, inserted == 1, next);
    }

    /// <summary>The household's case log, oldest first.</summary>
    public IReadOnlyList<CaseLogRow> Log(string householdId)
    {
        using var connection = Open();
        return ReadLog(connection, null, [householdId]).GetValueOrDefault(householdId) ?? [];
    }

    /// <summary>The case history of each of <paramref name="householdIds"/> that has one, with the version its first entry started from.</summary>
    public IReadOnlyDictionary<string, (CaseHistory History, HouseholdRecord BeforeFirst)> Histories(IReadOnlyCollection<string> householdIds)
    {
        ArgumentNullException.ThrowIfNull(householdIds);
        using var connection = Open();
        var logs = ReadLog(connection, null, householdIds);
        var firsts = logs.Values.Select(rows => rows[0].PreviousHash).OfType<string>().Distinct().ToList();
        var versions = ReadVersions(connection, null, firsts);
        return logs.Where(l => l.Value[0].PreviousHash is { } hash && versions.ContainsKey(hash))
            .ToDictionary(l => l.Key, l => (CaseHistory.From(l.Value), versions[l.Value[0].PreviousHash!]), StringComparer.Ordinal);
    }

    /// <summary>
    /// The risk rules whose findings for the household are in force after the latest completed run: recorded by a completed
    /// run and not resolved by a later one.
    /// </summary>
    public IReadOnlyList<string> RiskFindingsInForce(string householdId)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("""
            SELECT DISTINCT f.rule_id FROM findings f JOIN evaluation_runs r ON r.id = f.run_id AND r.status = 'completed'
            WHERE f.household_id = @id AND f.severity = 'risk'
              AND NOT EXISTS (SELECT 1 FROM finding_resolutions x WHERE x.finding_id = f.id)
            ORDER BY f.rule_id
            """, connection);
        command.Parameters.AddWithValue("id", householdId);
        using var reader = command.ExecuteReader();
        var rules = new List<string>();
        while (reader.Read())
        {
            rules.Add(reader.GetString(0));
        }

        return rules;
    }

    internal static Dictionary<string, List<CaseLogRow>> ReadLog(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<string> householdIds)
    {
        using var command = new NpgsqlCommand("""
            SELECT id, command, payload::text, actor, client, recorded_at, previous_hash, resulting_hash, household_id
            FROM case_log WHERE household_id = ANY(@ids) ORDER BY id
            """, connection, transaction);
        command.Parameters.AddWithValue("ids", householdIds.ToArray());
        using var reader = command.ExecuteReader();
        var logs = new Dictionary<string, List<CaseLogRow>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var household = reader.GetString(8);
            if (!logs.TryGetValue(household, out var rows))
            {
                logs[household] = rows = [];
            }

            rows.Add(new CaseLogRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7)));
        }

        return logs;
    }

    internal static Dictionary<string, HouseholdRecord> ReadVersions(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<string> hashes)
    {
        using var command = new NpgsqlCommand("SELECT hash, record::text FROM household_versions WHERE hash = ANY(@hashes)", connection, transaction);
        command.Parameters.AddWithValue("hashes", hashes.ToArray());
        using var reader = command.ExecuteReader();
        var versions = new Dictionary<string, HouseholdRecord>(StringComparer.Ordinal);
        while (reader.Read())
        {
            versions[reader.GetString(0)] = CanonicalRecord.Parse(reader.GetString(1));
        }

        return versions;
    }

    /// <summary>
    /// The records in force of one village (12-digit village code) or one town (9-digit town code: households have no town
    /// column, so a town's households are those whose village code starts with it), or all households, ordered by id.
    /// </summary>
    public IEnumerable<HouseholdRecord> Households(string? villageCode, string? townCode) => InArea(villageCode ?? townCode ?? "");

    /// <summary>The records in force of an area (a village, town or county code; "" for the whole store), by household id.</summary>
    public IEnumerable<HouseholdRecord> InArea(string area)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("""
            SELECT v.record::text FROM households h JOIN household_versions v ON v.hash = h.current_hash
            WHERE left(h.village_code, length(@area)) = @area
            ORDER BY h.id
            """, connection);
        command.Parameters.AddWithValue("area", area);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return CanonicalRecord.Parse(reader.GetString(0));
        }
    }

    private NpgsqlConnection Open() => _dataSource.OpenConnection();

    /// <summary>The change-log details of a case command: its name, payload and case-log entry.</summary>
    private static string CaseChangeDetails(CaseCommand command, long logId)
    {
        using var payload = JsonDocument.Parse(command.PayloadJson());
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["command"] = command.Name,
            ["payload"] = payload.RootElement.Clone(),
            ["caseLogId"] = logId,
        });
    }

    private static StoredHousehold? Load(NpgsqlConnection connection, NpgsqlTransaction? transaction, string householdId, bool forUpdate)
    {
        if (forUpdate)
        {
            // The row is locked on its own first: a locking join would drop a row another transaction updated meanwhile
            // (READ COMMITTED re-checks the join against the old version's row), and the household would look missing.
            using var lockRow = new NpgsqlCommand("SELECT 1 FROM households WHERE id = @id FOR UPDATE", connection, transaction);
            lockRow.Parameters.AddWithValue("id", householdId);
            if (lockRow.ExecuteScalar() is null)
            {
                return null;
            }
        }

        using var command = new NpgsqlCommand("""
            SELECT h.current_hash, v.record::text FROM households h JOIN household_versions v ON v.hash = h.current_hash
            WHERE h.id = @id
            """, connection, transaction);
        command.Parameters.AddWithValue("id", householdId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredHousehold(reader.GetString(0), CanonicalRecord.Parse(reader.GetString(1))) : null;
    }
}
