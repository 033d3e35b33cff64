namespace Monitoring.Store.Department;

/// <summary>The outcome of one department delivery: stored (with its delivery id) or refused with every problem reported.</summary>
public sealed record DeliveryResult(long Read, long Rejected, long? DeliveryId)
{
    public bool Committed => DeliveryId is not null;
}
