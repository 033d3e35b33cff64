using System.Text;
using System.Text.Json;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.History;
using Monitoring.Engine.Importing;
using Monitoring.Engine.Reading;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;
using Monitoring.Store.History;
using Monitoring.Store.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.Importing;

/// <summary>
/// Imports household records into the store in one transaction per file (docs/decisions/0006-household-history.md).
/// Every record is validated and streamed into a staging table with binary COPY; only when no record was rejected is
/// anything written. Then, set-based: households the store does not have are added (version, household, change row);
/// households whose stored version already is what the file gives (same hash, or produced from the same imported record
/// in the same mode) are left alone without a round trip; the others are locked in id order, merged in memory against
/// the locked version (<see cref="HouseholdMerger"/>) in batches, and written back with their change rows. A merge that
/// would remove stored data is refused unless the source allows removals. Deadlocks and serialization failures roll back
/// to the staged file and are retried.
/// </summary>
public sealed class HouseholdImporter
{
    private const int MergeBatch = 2000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;

    public HouseholdImporter(NpgsqlDataSource dataSource, TimeProvider? clock = null)
    {
        _dataSource = dataSource;
        _clock = clock ?? TimeProvider.System;
    }

    public ImportResult ImportJsonLines(Stream input, DateOnly asOf, Action<RecordProblem> onProblem, CancellationToken cancellationToken = default) =>
        ImportJsonLines(input, asOf, ImportSource.Unnamed, onProblem, cancellationToken);

    public ImportResult ImportJsonLines(Stream input, DateOnly asOf, ImportSource source, Action<RecordProblem> onProblem, CancellationToken cancellationToken = default)
    {
        var lines = new Utf8LineReader(input).ReadLines().Select((bytes, index) => (Line: (long)index + 1, Bytes: bytes));
        var validator = new HouseholdRecordValidator(asOf);
        IEnumerable<(long Row, HouseholdRecord? Record, IReadOnlyList<RecordProblem> Problems)> Records()
        {
            foreach (var (line, bytes) in lines)
            {
                if (Utf8LineReader.IsBlank(bytes))
                {
                    continue;
                }

                var problems = new List<RecordProblem>();
                var record = HouseholdRecordParser.ParseValid(bytes, line, validator, problems);
                yield return (line, record, problems);
            }
        }

        return Import(Records(), "line", asOf, source, ImportMode.Replace, () => ImportedFields.JsonLines, onProblem, cancellationToken);
    }

    public ImportResult ImportTabular(Stream input, TabularFormat format, DateOnly asOf, Action<RecordProblem> onProblem,
        CancellationToken cancellationToken = default) => ImportTabular(input, format, asOf, ImportSource.Unnamed, onProblem, cancellationToken);

    /// <summary>
    /// Imports a county office's spreadsheet or CSV export (one row per member, Chinese headers; docs/import-mapping.md).
    /// Validation problems are reported against the row and the Chinese column header they come from. By default each
    /// household is merged into the stored one: the row carries the newest state of the fields the file has columns for.
    /// </summary>
    public ImportResult ImportTabular(Stream input, TabularFormat format, DateOnly asOf, ImportSource source,
        Action<RecordProblem> onProblem, CancellationToken cancellationToken = default)
    {
        var validator = new HouseholdRecordValidator(asOf);
        IReadOnlyList<ImportColumn>? columns = null;
        IEnumerable<(long Row, HouseholdRecord? Record, IReadOnlyList<RecordProblem> Problems)> Records()
        {
            foreach (var household in TabularHouseholdReader.Read(input, format))
            {
                if (household.Columns.Count > 0)
                {
                    columns ??= household.Columns;
                }

                if (household.Record is null || household.Problems.Count > 0)
                {
                    yield return (household.FirstRow, null, household.Problems);
                    continue;
                }

                var problems = validator.Validate(household.Record).Errors.Select(e => household.Locate(e.PropertyName, e.ErrorMessage)).ToList();
                yield return (household.FirstRow, problems.Count == 0 ? household.Record : null, problems);
            }
        }

        return Import(Records(), "row", asOf, source, ImportMode.Merge, () => ImportedFields.ForColumns(columns ?? []), onProblem, cancellationToken);
    }

    /// <summary>Imports already parsed records with their line or row numbers and problems; see the class summary.</summary>
    public ImportResult Import(IEnumerable<(long Row, HouseholdRecord? Record, IReadOnlyList<RecordProblem> Problems)> records, string unit,
        DateOnly describedOn, ImportSource source, ImportMode defaultMode, Func<ImportedFields> fields, Action<RecordProblem> onProblem,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(onProblem);
        var mode = source.Mode ?? defaultMode;
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        StoreSql.Execute(connection, """
            CREATE TEMP TABLE import_staging (
                id text NOT NULL, line bigint NOT NULL, hash text NOT NULL, county_code text NOT NULL, village_code text,
                category text NOT NULL, helper_name text, record jsonb NOT NULL) ON COMMIT DROP;
            CREATE TEMP TABLE import_new (id text PRIMARY KEY) ON COMMIT DROP;
            CREATE TEMP TABLE import_locked (id text PRIMARY KEY, line bigint NOT NULL, imported_hash text NOT NULL, record jsonb NOT NULL) ON COMMIT DROP;
            CREATE TEMP TABLE import_result (
                id text NOT NULL, line bigint NOT NULL, previous_hash text NOT NULL, hash text NOT NULL, imported_hash text NOT NULL,
                county_code text NOT NULL, village_code text, category text NOT NULL, helper_name text, record jsonb NOT NULL,
                details jsonb) ON COMMIT DROP
            """);

        var (read, rejected) = Stage(connection, records, unit, onProblem, cancellationToken);
        if (rejected > 0)
        {
            return new ImportResult(read, rejected, 0, 0, 0);
        }

        StoreSql.Execute(connection, "ANALYZE import_staging");
        transaction.Save("staged");
        var retries = 0;
        var outcome = TransientConflict.Retry(() =>
        {
            try
            {
                return Apply(connection, read, describedOn, source, mode, fields(), unit, cancellationToken);
            }
            catch (Exception ex) when (TransientConflict.IsTransient(ex))
            {
                transaction.Rollback("staged");
                retries++;
                throw;
            }
        }, source.OnRetry);

        foreach (var problem in outcome.Refusals)
        {
            onProblem(problem);
        }

        var result = new ImportResult(read, 0, outcome.Inserted, outcome.Changes.Count, read - outcome.Inserted - outcome.Changes.Count)
        {
            RemovalsRefused = outcome.Refusals.Select(p => p.Line).Distinct().LongCount(),
            WithRemovals = outcome.Changes.Count(c => c.HasRemovals),
            Retries = retries,
            DryRun = source.DryRun,
        };
        if (source.OnHousehold is { } report)
        {
            ReportNew(connection, report, cancellationToken);
            foreach (var change in outcome.Changes)
            {
                report(change);
            }
        }

        if (result.Committed)
        {
            transaction.Commit();
        }

        return result;
    }

    private static (long Read, long Rejected) Stage(NpgsqlConnection connection, IEnumerable<(long Row, HouseholdRecord? Record, IReadOnlyList<RecordProblem> Problems)> records,
        string unit, Action<RecordProblem> onProblem, CancellationToken cancellationToken)
    {
        var ids = new HouseholdIdSet();
        long read = 0;
        long rejected = 0;
        using var copy = connection.BeginBinaryImport(
            "COPY import_staging (id, line, hash, county_code, village_code, category, helper_name, record) FROM STDIN (FORMAT BINARY)");
        foreach (var (row, record, problems) in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            if (problems.Count > 0 || record is null)
            {
                rejected++;
                foreach (var problem in problems)
                {
                    onProblem(problem);
                }

                continue;
            }

            if (ids.Add(record.Id!, row, out var firstRow) < 0)
            {
                rejected++;
                onProblem(new RecordProblem(row, "id", $"户编码 {record.Id} 与第 {firstRow} 行重复，本行未导入", unit));
                continue;
            }

            if (rejected > 0)
            {
                continue;
            }

            var json = CanonicalRecord.Bytes(record);
            copy.StartRow();
            copy.Write(record.Id!, NpgsqlDbType.Text);
            copy.Write(row, NpgsqlDbType.Bigint);
            copy.Write(CanonicalRecord.Hash(json), NpgsqlDbType.Text);
            WriteColumns(copy, record);
            copy.Write(Encoding.UTF8.GetString(json), NpgsqlDbType.Jsonb);
        }

        if (rejected == 0)
        {
            copy.Complete();
        }

        return (read, rejected);
    }

    private static void WriteColumns(NpgsqlBinaryImporter copy, HouseholdRecord record)
    {
        copy.Write(record.Region!.CountyCode!, NpgsqlDbType.Text);
        BinaryCopy.WriteText(copy, record.Region.VillageCode);
        copy.Write(record.Category ?? "ordinary", NpgsqlDbType.Text);
        BinaryCopy.WriteText(copy, record.Helper?.Name);
    }

    private sealed record Outcome(long Inserted, List<ImportedHousehold> Changes, List<RecordProblem> Refusals);

    private Outcome Apply(NpgsqlConnection connection, long staged, DateOnly describedOn, ImportSource source, ImportMode mode, ImportedFields fields, string unit,
        CancellationToken cancellationToken)
    {
        var modeText = mode == ImportMode.Merge ? "merge" : "replace";
        var recordedAt = _clock.GetUtcNow();

        // Households the store does not have: their version is the file's record. A household another import adds
        // meanwhile conflicts here (after that import commits) and is merged below like any stored household.
        StoreSql.Execute(connection, """
            INSERT INTO household_versions (hash, household_id, record, first_seen_at)
            SELECT DISTINCT ON (s.hash) s.hash, s.id, s.record, now() FROM import_staging s
            WHERE NOT EXISTS (SELECT 1 FROM households h WHERE h.id = s.id)
            ORDER BY s.hash
            ON CONFLICT (hash) DO NOTHING;
            WITH added AS (
                INSERT INTO households (id, county_code, village_code, category, helper_name, current_hash, updated_at)
                SELECT s.id, s.county_code, s.village_code, s.category, s.helper_name, s.hash, now() FROM import_staging s
                WHERE NOT EXISTS (SELECT 1 FROM households h WHERE h.id = s.id)
                ORDER BY s.id
                ON CONFLICT (id) DO NOTHING
                RETURNING id)
            INSERT INTO import_new SELECT id FROM added
            """);
        using (var changes = Command(connection, """
            INSERT INTO household_changes (household_id, previous_hash, new_hash, recorded_at, described_on, source, actor, client, file_name, line, mode, imported_hash)
            SELECT s.id, NULL, s.hash, @recorded, @described, 'import', @actor, @client, @file, s.line, @mode, s.hash
            FROM import_staging s JOIN import_new n ON n.id = s.id ORDER BY s.id
            """, recordedAt, describedOn, source, modeText))
        {
            changes.ExecuteNonQuery();
        }

        var inserted = StoreSql.Scalar(connection, "SELECT count(*) FROM import_new");
        if (inserted == staged)
        {
            // Every household was new (a first import): nothing stored to lock or merge.
            return new Outcome(inserted, [], []);
        }

        // Stored households that may change, locked in id order. A version that is the file's record, or that an import
        // produced from this very record in the same mode, stays as it is (merging again gives the same).
        using (var lockRows = new NpgsqlCommand("""
            WITH locked AS (
                SELECT h.id, s.line, s.hash, s.record FROM households h JOIN import_staging s ON s.id = h.id
                WHERE NOT EXISTS (SELECT 1 FROM import_new n WHERE n.id = h.id)
                  AND h.current_hash <> s.hash
                  AND NOT EXISTS (SELECT 1 FROM household_changes c
                                  WHERE c.household_id = h.id AND c.new_hash = h.current_hash AND c.imported_hash = s.hash AND c.mode = @mode)
                ORDER BY h.id
                FOR UPDATE OF h)
            INSERT INTO import_locked SELECT id, line, hash, record FROM locked
            """, connection) { CommandTimeout = 0 })
        {
            lockRows.Parameters.AddWithValue("mode", modeText);
            lockRows.ExecuteNonQuery();
        }

        var merged = new List<ImportedHousehold>();
        var refusals = new List<RecordProblem>();
        var after = "";
        while (true)
        {
            var batch = ReadLocked(connection, after);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Id;
            using var copy = connection.BeginBinaryImport("""
                COPY import_result (id, line, previous_hash, hash, imported_hash, county_code, village_code, category, helper_name, record, details)
                FROM STDIN (FORMAT BINARY)
                """);
            foreach (var locked in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var next = HouseholdMerger.Merge(locked.Stored, locked.Imported, mode, fields, locked.HasCaseLog);
                var json = CanonicalRecord.Bytes(next);
                var hash = CanonicalRecord.Hash(json);
                if (hash == locked.CurrentHash)
                {
                    continue;
                }

                var diff = HouseholdDiffer.Compare(locked.Stored, next);
                var removals = diff.Removals.ToList();
                if (removals.Count > 0 && !source.AllowRemovals)
                {
                    refusals.AddRange(removals.Select(r => new RecordProblem(locked.Line, HouseholdDiffText.Section(r.Section),
                        $"户 {locked.Id}：导入将删除已存的{HouseholdDiffText.Section(r.Section)} {HouseholdDiffText.Mask(r.Key)}；确需删除请加 --allow-removals（删除会记入变更日志）", unit)));
                    continue;
                }

                merged.Add(new ImportedHousehold(locked.Id, locked.Line, false, diff));
                copy.StartRow();
                copy.Write(locked.Id, NpgsqlDbType.Text);
                copy.Write(locked.Line, NpgsqlDbType.Bigint);
                copy.Write(locked.CurrentHash, NpgsqlDbType.Text);
                copy.Write(hash, NpgsqlDbType.Text);
                copy.Write(locked.ImportedHash, NpgsqlDbType.Text);
                WriteColumns(copy, next);
                copy.Write(Encoding.UTF8.GetString(json), NpgsqlDbType.Jsonb);
                if (removals.Count > 0)
                {
                    copy.Write(JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["removalsAllowed"] = true,
                        ["removed"] = removals.Select(HouseholdDiffText.Item).ToList(),
                    }), NpgsqlDbType.Jsonb);
                }
                else
                {
                    copy.WriteNull();
                }
            }

            copy.Complete();
        }

        if (refusals.Count > 0)
        {
            return new Outcome(inserted, merged, refusals);
        }

        using (var write = Command(connection, """
            INSERT INTO household_versions (hash, household_id, record, first_seen_at)
            SELECT DISTINCT ON (hash) hash, id, record, now() FROM import_result ORDER BY hash
            ON CONFLICT (hash) DO NOTHING;
            INSERT INTO household_changes (household_id, previous_hash, new_hash, recorded_at, described_on, source, actor, client, file_name, line, mode, details, imported_hash)
            SELECT r.id, r.previous_hash, r.hash, @recorded, @described, 'import', @actor, @client, @file, r.line, @mode, r.details, r.imported_hash
            FROM import_result r ORDER BY r.id;
            UPDATE households h SET county_code = r.county_code, village_code = r.village_code, category = r.category,
                helper_name = r.helper_name, current_hash = r.hash, updated_at = now()
            FROM import_result r WHERE h.id = r.id
            """, recordedAt, describedOn, source, modeText))
        {
            write.ExecuteNonQuery();
        }

        return new Outcome(inserted, merged, refusals);
    }

    private sealed record LockedHousehold(string Id, long Line, string CurrentHash, HouseholdRecord Stored, string ImportedHash, HouseholdRecord Imported, bool HasCaseLog);

    private static List<LockedHousehold> ReadLocked(NpgsqlConnection connection, string after)
    {
        using var command = new NpgsqlCommand("""
            SELECT l.id, l.line, h.current_hash, v.record::text, l.imported_hash, l.record::text,
                   EXISTS (SELECT 1 FROM case_log c WHERE c.household_id = l.id)
            FROM import_locked l JOIN households h ON h.id = l.id JOIN household_versions v ON v.hash = h.current_hash
            WHERE l.id > @after ORDER BY l.id LIMIT @limit
            """, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", MergeBatch);
        using var reader = command.ExecuteReader();
        var batch = new List<LockedHousehold>();
        while (reader.Read())
        {
            batch.Add(new LockedHousehold(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), CanonicalRecord.Parse(reader.GetString(3)),
                reader.GetString(4), CanonicalRecord.Parse(reader.GetString(5)), reader.GetBoolean(6)));
        }

        return batch;
    }

    private static void ReportNew(NpgsqlConnection connection, Action<ImportedHousehold> report, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("SELECT s.id, s.line FROM import_staging s JOIN import_new n ON n.id = s.id ORDER BY s.line", connection)
        {
            CommandTimeout = 0,
        };
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            report(new ImportedHousehold(reader.GetString(0), reader.GetInt64(1), true, null));
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, DateTimeOffset recordedAt, DateOnly describedOn, ImportSource source, string mode)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("recorded", recordedAt);
        command.Parameters.AddWithValue("described", describedOn);
        command.Parameters.AddWithValue("actor", source.Actor);
        command.Parameters.AddWithValue("client", source.Client);
        command.Parameters.AddWithValue("file", NpgsqlDbType.Text, (object?)source.FileName ?? DBNull.Value);
        command.Parameters.AddWithValue("mode", mode);
        return command;
    }
}
