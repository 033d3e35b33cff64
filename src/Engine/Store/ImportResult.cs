namespace Monitoring.Engine.Store;

/// <summary>What an import did: nothing at all when any record was rejected (all-or-nothing per file).</summary>
public sealed record ImportResult(long Read, long Rejected, long Inserted, long Updated, long Unchanged)
{
    public bool Committed => Rejected == 0;
}
