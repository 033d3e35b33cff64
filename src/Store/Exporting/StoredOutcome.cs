using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Exporting;

/// <summary>
/// A household's outcome as a run recorded it: written only when it differs from the outcome in force before
/// (first evaluation, changed data, a date that changed a finding, new rules). A run's view of a household is
/// the newest outcome of that profile recorded by that run or an earlier one; its findings are the
/// <see cref="StoredFinding"/> rows of the same run and household. Append-only.
/// </summary>
public sealed class StoredOutcome
{
    public long RunId { get; set; }

    public required string HouseholdId { get; set; }

    public required string Profile { get; set; }

    /// <summary>The household version the outcome was evaluated on.</summary>
    public required string HouseholdHash { get; set; }

    /// <summary>SHA-256 of the findings (their JSON without the as-of date) and the candidate type.</summary>
    public required string OutcomeHash { get; set; }

    /// <summary>unstable | marginal | hardship, or null when the household is not a monitoring candidate.</summary>
    public string? CandidateType { get; set; }

    public string? VillageCode { get; set; }

    public int FindingsCount { get; set; }
}
