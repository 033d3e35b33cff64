using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;
using Npgsql;

namespace Monitoring.Store.Cases;

/// <summary>
/// Reads a household's case log and stored versions on the connection (and inside the transaction) of a case command, so
/// a correction is computed from exactly what the locked household has.
/// </summary>
public sealed class CaseLogReader
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction? _transaction;
    private readonly string _householdId;

    public CaseLogReader(NpgsqlConnection connection, NpgsqlTransaction? transaction, string householdId)
    {
        _connection = connection;
        _transaction = transaction;
        _householdId = householdId;
    }

    /// <summary>The household's case log, oldest first.</summary>
    public IReadOnlyList<CaseLogRow> Rows() => CaseStore.ReadLog(_connection, _transaction, [_householdId]).GetValueOrDefault(_householdId) ?? [];

    /// <summary>A stored version of the household by its hash.</summary>
    public HouseholdRecord Version(string hash) =>
        CaseStore.ReadVersions(_connection, _transaction, [hash]).GetValueOrDefault(hash) ?? throw new KeyNotFoundException($"数据库中没有户记录版本 {hash}");

    /// <summary>The case history and the version its first entry started from (null when the household has no case log).</summary>
    public (CaseHistory History, HouseholdRecord? BeforeFirst) History()
    {
        var rows = Rows();
        return (CaseHistory.From(rows), rows.Count > 0 && rows[0].PreviousHash is { } first ? Version(first) : null);
    }
}
