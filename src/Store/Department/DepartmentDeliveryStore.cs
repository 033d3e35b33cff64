using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Monitoring.Engine.Department;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Department;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.Department;

/// <summary>
/// Department deliveries in the store (department-data.md): each delivery of one list for one county is validated line by
/// line and stored in one transaction with its lines as an immutable snapshot (append-only tables), or not at all. Lists
/// what each department delivered per county, and loads the snapshots a nightly run reads.
/// </summary>
public sealed class DepartmentDeliveryStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;

    public DepartmentDeliveryStore(NpgsqlDataSource dataSource, TimeProvider clock)
    {
        _dataSource = dataSource;
        _clock = clock;
    }

    /// <summary>
    /// Reads, validates and stores one delivery: all or nothing. Every problem goes to <paramref name="onProblem"/> as
    /// <c>line N: field: reason</c> (JSON Lines) or <c>row N: 列名: reason</c> (spreadsheets).
    /// </summary>
    public DeliveryResult Import(string listId, string countyCode, DateOnly snapshotDate, Stream input, string fileName, string deliveredBy,
        Action<RecordProblem> onProblem, CancellationToken cancellationToken = default)
    {
        var kind = DepartmentLists.KindOf(listId) ?? throw new DeliveryRefusedException($"未知的部门名单 {listId}，应为：{DepartmentLists.Describe()}");
        if (countyCode.Length != 6 || !countyCode.All(char.IsAsciiDigit))
        {
            throw new DeliveryRefusedException($"县级代码应为 6 位数字，而不是 '{countyCode}'");
        }

        var lines = new List<(long Number, RosterLine Line)>();
        long read = 0;
        long rejected = 0;
        foreach (var entry in RosterFileReader.Read(input, fileName, kind))
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            if (entry.Line is null)
            {
                rejected++;
                foreach (var problem in entry.Problems)
                {
                    onProblem(problem);
                }

                continue;
            }

            lines.Add((entry.Number, entry.Line));
        }

        if (rejected > 0)
        {
            return new DeliveryResult(read, rejected, null);
        }

        var json = lines.Select(l => JsonSerializer.Serialize(l.Line, RosterJsonContext.Default.RosterLine)).ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', json))));
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var existing = new NpgsqlCommand("""
            SELECT id FROM department_deliveries
            WHERE list_id = @list AND county_code = @county AND snapshot_date = @snapshot AND content_sha256 = @hash ORDER BY id LIMIT 1
            """, connection, transaction))
        {
            existing.Parameters.AddWithValue("list", listId);
            existing.Parameters.AddWithValue("county", countyCode);
            existing.Parameters.AddWithValue("snapshot", snapshotDate);
            existing.Parameters.AddWithValue("hash", hash);
            if (existing.ExecuteScalar() is long known)
            {
                return new DeliveryResult(read, 0, known) { AlreadyDelivered = true };
            }
        }

        long id;
        using (var insert = new NpgsqlCommand("""
            INSERT INTO department_deliveries (list_id, county_code, snapshot_date, delivered_at, file_name, row_count, delivered_by, content_sha256)
            VALUES (@list, @county, @snapshot, @at, @file, @rows, @by, @hash) RETURNING id
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("list", listId);
            insert.Parameters.AddWithValue("county", countyCode);
            insert.Parameters.AddWithValue("snapshot", snapshotDate);
            insert.Parameters.AddWithValue("at", _clock.GetUtcNow());
            insert.Parameters.AddWithValue("file", Path.GetFileName(fileName));
            insert.Parameters.AddWithValue("rows", lines.Count);
            insert.Parameters.AddWithValue("by", deliveredBy);
            insert.Parameters.AddWithValue("hash", hash);
            id = (long)insert.ExecuteScalar()!;
        }

        using (var copy = connection.BeginBinaryImport("COPY department_roster_lines (delivery_id, line_no, line) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < lines.Count; i++)
            {
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Bigint);
                copy.Write((int)lines[i].Number, NpgsqlDbType.Integer);
                copy.Write(json[i], NpgsqlDbType.Jsonb);
            }

            copy.Complete();
        }

        var leads = DepartmentLists.IsWarning(listId)
            ? Leads.WarningLeads.Record(connection, transaction, id, listId, countyCode, snapshotDate, lines, deliveredBy, _clock.GetUtcNow())
            : 0;
        transaction.Commit();
        return new DeliveryResult(read, 0, id) { LeadsRaised = leads };
    }

    /// <summary>Every delivery, newest snapshot first within county and list; optionally one county's.</summary>
    public IReadOnlyList<DeliveryRecord> List(string? countyCode)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT id, list_id, county_code, snapshot_date, delivered_at, file_name, row_count, delivered_by
            FROM department_deliveries WHERE @county::text IS NULL OR county_code = @county
            ORDER BY county_code, list_id, snapshot_date DESC, id DESC
            """, connection);
        command.Parameters.AddWithValue("county", NpgsqlDbType.Text, (object?)countyCode ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var deliveries = new List<DeliveryRecord>();
        while (reader.Read())
        {
            deliveries.Add(new DeliveryRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetInt32(6), reader.GetString(7)));
        }

        return deliveries;
    }

    /// <summary>
    /// The snapshots a run as of <paramref name="asOf"/> reads for these counties (null: every county): of each roster list the
    /// newest snapshot dated on or before as-of, and every warn-* snapshot up to it, with their lines.
    /// </summary>
    public static IReadOnlyList<RosterSnapshot> LoadForRun(NpgsqlConnection connection, DateOnly asOf, IReadOnlyCollection<string>? counties)
    {
        var deliveries = new List<(long Id, string List, string County, DateOnly Snapshot)>();
        using (var command = new NpgsqlCommand("""
            SELECT id, list_id, county_code, snapshot_date FROM (
                SELECT d.*, row_number() OVER (PARTITION BY county_code, list_id ORDER BY snapshot_date DESC, id DESC) AS rank
                FROM department_deliveries d
                WHERE snapshot_date <= @asOf AND (@counties::text[] IS NULL OR county_code = ANY (@counties))) ranked
            WHERE list_id LIKE 'warn-%' OR rank = 1
            ORDER BY id
            """, connection))
        {
            command.Parameters.AddWithValue("asOf", asOf);
            command.Parameters.AddWithValue("counties", NpgsqlDbType.Array | NpgsqlDbType.Text, (object?)counties?.ToArray() ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                deliveries.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3)));
            }
        }

        if (deliveries.Count == 0)
        {
            return [];
        }

        var lines = deliveries.ToDictionary(d => d.Id, _ => new List<NumberedRosterLine>());
        using (var command = new NpgsqlCommand(
            "SELECT delivery_id, line_no, line::text FROM department_roster_lines WHERE delivery_id = ANY (@ids) ORDER BY delivery_id, line_no", connection))
        {
            command.Parameters.AddWithValue("ids", deliveries.Select(d => d.Id).ToArray());
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var line = JsonSerializer.Deserialize(reader.GetString(2), RosterJsonContext.Default.RosterLine)!;
                lines[reader.GetInt64(0)].Add(new NumberedRosterLine(reader.GetInt32(1), line));
            }
        }

        return [.. deliveries.Select(d => new RosterSnapshot(d.Id, d.List, d.County, d.Snapshot, lines[d.Id]))];
    }

    /// <summary>The snapshots a stored run read (replay): the same shape as <see cref="LoadForRun"/> returned that night.</summary>
    public static IReadOnlyList<RosterSnapshot> LoadOfRun(NpgsqlConnection connection, long runId)
    {
        var ids = new List<long>();
        using (var command = new NpgsqlCommand("SELECT delivery_id FROM run_roster_snapshots WHERE run_id = @run ORDER BY delivery_id", connection))
        {
            command.Parameters.AddWithValue("run", runId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var snapshots = new List<RosterSnapshot>();
        foreach (var id in ids)
        {
            using var header = new NpgsqlCommand("SELECT list_id, county_code, snapshot_date FROM department_deliveries WHERE id = @id", connection);
            header.Parameters.AddWithValue("id", id);
            string list;
            string county;
            DateOnly date;
            using (var reader = header.ExecuteReader())
            {
                reader.Read();
                (list, county, date) = (reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2));
            }

            var lines = new List<NumberedRosterLine>();
            using var body = new NpgsqlCommand("SELECT line_no, line::text FROM department_roster_lines WHERE delivery_id = @id ORDER BY line_no", connection);
            body.Parameters.AddWithValue("id", id);
            using (var reader = body.ExecuteReader())
            {
                while (reader.Read())
                {
                    lines.Add(new NumberedRosterLine(reader.GetInt32(0), JsonSerializer.Deserialize(reader.GetString(1), RosterJsonContext.Default.RosterLine)!));
                }
            }

            snapshots.Add(new RosterSnapshot(id, list, county, date, lines));
        }

        return snapshots;
    }

    /// <summary>Records which snapshots a run read (in the run's transaction), so the run can be replayed with them.</summary>
    public static void RecordRun(NpgsqlConnection connection, long runId, IEnumerable<RosterSnapshot> snapshots)
    {
        using var copy = connection.BeginBinaryImport("COPY run_roster_snapshots (run_id, delivery_id) FROM STDIN (FORMAT BINARY)");
        foreach (var snapshot in snapshots)
        {
            copy.StartRow();
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(snapshot.Id, NpgsqlDbType.Bigint);
        }

        copy.Complete();
    }
}
