using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Exporting;

/// <summary>
/// A finding as first recorded by a run, with the full explanation JSON exactly as <c>evaluate</c> writes it.
/// Append-only: the database refuses UPDATE, DELETE and TRUNCATE on this table.
/// </summary>
public sealed class StoredFinding
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public required string HouseholdId { get; set; }

    public required string RuleId { get; set; }

    public string? MemberId { get; set; }

    public required string Severity { get; set; }

    public DateOnly AsOf { get; set; }

    public required string RuleVersion { get; set; }

    public required string Profile { get; set; }

    public string? VillageCode { get; set; }

    /// <summary>The household version the finding was evaluated on.</summary>
    public required string HouseholdHash { get; set; }

    /// <summary>The finding JSON exactly as <c>evaluate</c> wrote it (json, text preserved), as in the findings format.</summary>
    public required string Finding { get; set; }
}
