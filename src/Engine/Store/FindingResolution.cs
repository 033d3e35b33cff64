namespace Monitoring.Engine.Store;

/// <summary>A finding that no longer holds as of a later run. Append-only, like findings themselves.</summary>
public sealed class FindingResolution
{
    public long FindingId { get; set; }

    public long RunId { get; set; }
}
