namespace Monitoring.Tests.Support;

/// <summary>A clock standing at one instant (what the store records as "now").</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
