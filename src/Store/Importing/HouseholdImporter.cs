using System.Security.Cryptography;
using System.Text.Json;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Reading;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;
using Npgsql;
using NpgsqlTypes;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Importing;

/// <summary>
/// Imports household records into the store in one transaction per file: every record is validated, valid
/// ones are streamed into a staging table with binary COPY, and only when no record was rejected are new
/// versions added and households upserted by id. A rejected record leaves the store untouched. Households with case-log
/// entries keep the case, helper and visits recorded through the case commands (<see cref="Monitoring.Store.Cases.CaseOverlay"/>).
/// </summary>
public sealed class HouseholdImporter
{
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

        return Import(Records(), "line", asOf, source, onProblem, cancellationToken);
    }

    public ImportResult ImportTabular(Stream input, Monitoring.Engine.Importing.TabularFormat format, DateOnly asOf, Action<RecordProblem> onProblem,
        CancellationToken cancellationToken = default) => ImportTabular(input, format, asOf, ImportSource.Unnamed, onProblem, cancellationToken);

    /// <summary>
    /// Imports a county office's spreadsheet or CSV export (one row per member, Chinese headers; docs/import-mapping.md).
    /// Validation problems are reported against the row and the Chinese column header they come from.
    /// </summary>
    public ImportResult ImportTabular(Stream input, Monitoring.Engine.Importing.TabularFormat format, DateOnly asOf, ImportSource source,
        Action<RecordProblem> onProblem, CancellationToken cancellationToken = default)
    {
        var validator = new HouseholdRecordValidator(asOf);
        IEnumerable<(long Row, HouseholdRecord? Record, IReadOnlyList<RecordProblem> Problems)> Records()
        {
            foreach (var household in Monitoring.Engine.Importing.TabularHouseholdReader.Read(input, format))
            {
                if (household.Record is null || household.Problems.Count > 0)
                {
                    yield return (household.FirstRow, null, household.Problems);
                    continue;
                }

                var problems = validator.Validate(household.Record).Errors.Select(e => household.Locate(e.PropertyName, e.ErrorMessage)).ToList();
                yield return (household.FirstRow, problems.Count == 0 ? household.Record : null, problems);
            }
        }

        return Import(Records(), "row", asOf, source, onProblem, cancellationToken);
    }

    /// <summary>Imports already parsed records (spreadsheets, CSV) with their row numbers and problems.</summary>
    public ImportResult Import(IEnumerable<(long Row, HouseholdRecord? Record, IReadOnlyList<RecordProblem> Problems)> records, string unit,
        DateOnly describedOn, ImportSource source, Action<RecordProblem> onProblem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var mode = source.Mode ?? (unit == "line" ? ImportMode.Replace : ImportMode.Merge);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        StoreSql.Execute(connection, """
            CREATE TEMP TABLE import_staging (
                id text NOT NULL, line bigint NOT NULL, hash text NOT NULL, county_code text NOT NULL, village_code text,
                category text NOT NULL, helper_name text, record jsonb NOT NULL) ON COMMIT DROP
            """);

        var overlay = Monitoring.Store.Cases.CaseOverlay.Load(connection);
        var ids = new HouseholdIdSet();
        long read = 0;
        long rejected = 0;
        using (var copy = connection.BeginBinaryImport("COPY import_staging (id, line, hash, county_code, village_code, category, helper_name, record) FROM STDIN (FORMAT BINARY)"))
        {
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

                overlay.Apply(record);
                var json = JsonSerializer.SerializeToUtf8Bytes(record, RecordJsonContext.Default.HouseholdRecord);
                copy.StartRow();
                copy.Write(record.Id!, NpgsqlDbType.Text);
                copy.Write(row, NpgsqlDbType.Bigint);
                copy.Write(Convert.ToHexStringLower(SHA256.HashData(json)), NpgsqlDbType.Text);
                copy.Write(record.Region!.CountyCode!, NpgsqlDbType.Text);
                BinaryCopy.WriteText(copy, record.Region.VillageCode);
                copy.Write(record.Category!, NpgsqlDbType.Text);
                BinaryCopy.WriteText(copy, record.Helper?.Name);
                copy.Write(System.Text.Encoding.UTF8.GetString(json), NpgsqlDbType.Jsonb);
            }

            if (rejected > 0)
            {
                return new ImportResult(read, rejected, 0, 0, 0);
            }

            copy.Complete();
        }

        StoreSql.Execute(connection, """
            INSERT INTO household_versions (hash, household_id, record, first_seen_at)
            SELECT DISTINCT ON (hash) hash, id, record, now() FROM import_staging
            ON CONFLICT (hash) DO NOTHING
            """);
        StoreSql.Execute(connection, "SELECT count(*) FROM (SELECT 1 FROM households h WHERE h.id IN (SELECT id FROM import_staging) ORDER BY h.id FOR UPDATE) locked");
        var existing = StoreSql.Scalar(connection, "SELECT count(*) FROM import_staging s JOIN households h ON h.id = s.id");
        var unchanged = StoreSql.Scalar(connection, "SELECT count(*) FROM import_staging s JOIN households h ON h.id = s.id AND h.current_hash = s.hash");
        using (var changes = new NpgsqlCommand("""
            INSERT INTO household_changes (household_id, previous_hash, new_hash, recorded_at, described_on, source, actor, client, file_name, line, mode)
            SELECT s.id, h.current_hash, s.hash, @recorded, @described, 'import', @actor, @client, @file, s.line, @mode
            FROM import_staging s LEFT JOIN households h ON h.id = s.id
            WHERE h.current_hash IS DISTINCT FROM s.hash ORDER BY s.id
            """, connection) { CommandTimeout = 0 })
        {
            changes.Parameters.AddWithValue("recorded", _clock.GetUtcNow());
            changes.Parameters.AddWithValue("described", describedOn);
            changes.Parameters.AddWithValue("actor", source.Actor);
            changes.Parameters.AddWithValue("client", source.Client);
            changes.Parameters.AddWithValue("file", NpgsqlDbType.Text, (object?)source.FileName ?? DBNull.Value);
            changes.Parameters.AddWithValue("mode", mode == ImportMode.Merge ? "merge" : "replace");
            changes.ExecuteNonQuery();
        }

        StoreSql.Execute(connection, """
            INSERT INTO households (id, county_code, village_code, category, helper_name, current_hash, updated_at)
            SELECT id, county_code, village_code, category, helper_name, hash, now() FROM import_staging
            ON CONFLICT (id) DO UPDATE SET
                county_code = EXCLUDED.county_code, village_code = EXCLUDED.village_code, category = EXCLUDED.category,
                helper_name = EXCLUDED.helper_name, current_hash = EXCLUDED.current_hash, updated_at = EXCLUDED.updated_at
            WHERE households.current_hash IS DISTINCT FROM EXCLUDED.current_hash
            """);
        transaction.Commit();
        return new ImportResult(read, 0, read - existing, existing - unchanged, unchanged);
    }
}
