namespace Monitoring.Store.Web;

/// <summary>A night on which a household's outcome changed: the run, its date, the candidate type and findings then.</summary>
public sealed record HouseholdNight(long RunId, DateOnly AsOf, string Profile, string? CandidateType, int Findings, string OutcomeHash, IReadOnlyList<string> RuleIds);
