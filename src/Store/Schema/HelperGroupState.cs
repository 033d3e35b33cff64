using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>
/// One helper's household counts within a county as the last run of a profile saw them (PROC-HELPER-LOAD reads
/// only these counts), so an incremental run re-evaluates every household of a group whose counts changed.
/// Mutable bookkeeping, not evidence.
/// </summary>
public sealed class HelperGroupState
{
    public required string Profile { get; set; }

    public required string CountyCode { get; set; }

    public required string HelperName { get; set; }

    public int Monitored { get; set; }

    public int Lifted { get; set; }

    public int Households { get; set; }
}
