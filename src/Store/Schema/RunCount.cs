using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>
/// A run's totals over every household in its view (carried-forward outcomes included): findings per rule
/// (<c>kind = rule</c>) and candidates per type (<c>kind = candidate</c>). Append-only.
/// </summary>
public sealed class RunCount
{
    public long RunId { get; set; }

    /// <summary>rule | candidate.</summary>
    public required string Kind { get; set; }

    public required string Key { get; set; }

    public long Count { get; set; }
}
