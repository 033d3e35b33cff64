namespace Monitoring.Store.Department;

/// <summary>The outcome of one department delivery: stored (with its delivery id) or refused with every problem reported.</summary>
public sealed record DeliveryResult(long Read, long Rejected, long? DeliveryId)
{
    /// <summary>The same lines were already delivered for this list, county and snapshot date: nothing new was recorded.</summary>
    public bool AlreadyDelivered { get; init; }

    /// <summary>warn-* lists: the lines that became new leads (a line already a lead is not counted).</summary>
    public int LeadsRaised { get; init; }

    public bool Committed => DeliveryId is not null;
}
