using System.Text.Json.Nodes;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Web;

/// <summary>
/// A household as the web shows it (resident IDs masked): the record in force, the findings of the latest completed run's
/// view (findings format), the case (from the record) with its log, and the review decisions.
/// </summary>
public sealed record HouseholdView(
    string HouseholdId,
    string? VillageCode,
    string Category,
    JsonNode? Record,
    long? RunId,
    DateOnly? RunAsOf,
    IReadOnlyList<JsonNode?> Findings,
    JsonNode? Case,
    IReadOnlyList<CaseLogRow> CaseLog,
    IReadOnlyList<ReviewDecisionRow> Reviews);
