using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>
/// One version of a household record exactly as imported (canonical JSON of the interchange format), keyed by
/// its SHA-256. Append-only: a finding points at the version it was evaluated on, so "why on that night"
/// never changes when the household is updated later.
/// </summary>
public sealed class HouseholdVersion
{
    public required string Hash { get; init; }

    public required string HouseholdId { get; init; }

    /// <summary>The record as JSON (jsonb).</summary>
    public required string Record { get; init; }

    public DateTimeOffset FirstSeenAt { get; init; }
}
