using Monitoring.Engine.Records;
using Npgsql;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Cases;

/// <summary>
/// Keeps what the case commands recorded when a county export is imported over it. For every household with case-log
/// entries the imported record takes the stored record's <c>case</c> and <c>helper</c> (when one is stored), the union of
/// both visit lists, and — once the stored case reached county approval — the stored category and monitoring type, which
/// the commands set. Households without case-log entries are imported as exported.
/// </summary>
public sealed class CaseOverlay
{
    private readonly Dictionary<string, HouseholdRecord> _stored;

    private CaseOverlay(Dictionary<string, HouseholdRecord> stored) => _stored = stored;

    public int Count => _stored.Count;

    /// <summary>Reads the records in force of the households that have case-log entries.</summary>
    public static CaseOverlay Load(NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = new NpgsqlCommand("""
            SELECT h.id, v.record::text FROM households h JOIN household_versions v ON v.hash = h.current_hash
            WHERE EXISTS (SELECT 1 FROM case_log c WHERE c.household_id = h.id)
            """, connection);
        using var reader = command.ExecuteReader();
        var stored = new Dictionary<string, HouseholdRecord>(StringComparer.Ordinal);
        while (reader.Read())
        {
            stored[reader.GetString(0)] = CanonicalRecord.Parse(reader.GetString(1));
        }

        return new CaseOverlay(stored);
    }

    /// <summary>Overlays the stored case sections onto <paramref name="imported"/> (changed in place); true when the household has a case log.</summary>
    public bool Apply(HouseholdRecord imported)
    {
        ArgumentNullException.ThrowIfNull(imported);
        if (imported.Id is null || !_stored.TryGetValue(imported.Id, out var stored))
        {
            return false;
        }

        imported.Case = stored.Case;
        imported.Helper = stored.Helper ?? imported.Helper;
        var visits = (imported.Visits ?? []).Concat(stored.Visits ?? []).Distinct().Order().ToList();
        imported.Visits = visits.Count == 0 && imported.Visits is null && stored.Visits is null ? null : visits;
        if (CaseStates.Of(stored.Case) is CaseState.Included or CaseState.Releasing or CaseState.Released)
        {
            imported.Category = stored.Category;
            imported.MonitoringType = stored.MonitoringType;
        }

        return true;
    }
}
