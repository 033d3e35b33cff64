using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>A finding that no longer holds as of a later run. Append-only, like findings themselves.</summary>
public sealed class FindingResolution
{
    public long FindingId { get; set; }

    public long RunId { get; set; }
}
