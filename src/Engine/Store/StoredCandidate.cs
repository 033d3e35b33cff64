namespace Monitoring.Engine.Store;

/// <summary>A monitoring candidate of one run, with its proposed type. Append-only.</summary>
public sealed class StoredCandidate
{
    public long RunId { get; set; }

    public required string HouseholdId { get; set; }

    /// <summary>unstable | marginal | hardship.</summary>
    public required string CandidateType { get; set; }

    public string? VillageCode { get; set; }
}
