using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Monitoring.Web.Api;

/// <summary>The JSON API under <c>/api/v1</c> (the contract in docs and README).</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("api");
        _ = api;
        return endpoints;
    }
}
