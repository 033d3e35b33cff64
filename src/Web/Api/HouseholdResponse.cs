using System.Text.Json.Nodes;
using Monitoring.Engine.Cases;
using Monitoring.Store.Web;

namespace Monitoring.Web.Api;

/// <summary><c>GET /api/v1/households/{id}</c>: the household record (IDs masked), findings (findings format), case, reviews.</summary>
public sealed record HouseholdResponse(
    string HouseholdId,
    string? VillageCode,
    string Category,
    JsonNode? Household,
    long? Run,
    DateOnly? RunAsOf,
    IReadOnlyList<JsonNode?> Findings,
    CaseResponse Case,
    IReadOnlyList<ReviewDecisionRow> Reviews)
{
    public static HouseholdResponse From(HouseholdView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.HouseholdId, view.VillageCode, view.Category, view.Record, view.RunId, view.RunAsOf, view.Findings,
            new CaseResponse(view.Case, view.CaseLog), view.Reviews);
    }
}

/// <summary>The case part of a household: the case record (null when none) and its log, oldest first.</summary>
public sealed record CaseResponse(JsonNode? Record, IReadOnlyList<CaseLogRow> Log);
