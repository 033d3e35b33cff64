using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Importing;

/// <summary>What an import did: nothing at all when any record was rejected (all-or-nothing per file).</summary>
public sealed record ImportResult(long Read, long Rejected, long Inserted, long Updated, long Unchanged)
{
    public bool Committed => Rejected == 0;
}
