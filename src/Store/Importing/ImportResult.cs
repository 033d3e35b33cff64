namespace Monitoring.Store.Importing;

/// <summary>
/// What an import did: nothing at all when any record was rejected or a removal was refused (all-or-nothing per file),
/// nor on a dry run. <see cref="Inserted"/> + <see cref="Updated"/> + <see cref="Unchanged"/> = <see cref="Read"/> when committed.
/// </summary>
public sealed record ImportResult(long Read, long Rejected, long Inserted, long Updated, long Unchanged)
{
    /// <summary>Households whose import would remove stored data without <c>--allow-removals</c> (the import was refused).</summary>
    public long RemovalsRefused { get; init; }

    /// <summary>Households whose stored data was removed with <c>--allow-removals</c> (each logged in the change log).</summary>
    public long WithRemovals { get; init; }

    /// <summary>Deadlocks or serialization failures retried.</summary>
    public int Retries { get; init; }

    /// <summary>Nothing was written because the import was a dry run.</summary>
    public bool DryRun { get; init; }

    public bool Committed => Rejected == 0 && RemovalsRefused == 0 && !DryRun;
}
