using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Store.Leads;
using Monitoring.Web.Security;

namespace Monitoring.Web.Api;

/// <summary>
/// <c>/api/v1/leads</c>: the leads of the caller's area and their verification, with the area checks of the other
/// endpoints (a lead outside the area: 404; a list parameter outside it: 403; auditors read, village/town/county decide).
/// </summary>
public static class LeadEndpoints
{
    public static IEndpointRouteBuilder MapLeadApi(this IEndpointRouteBuilder endpoints)
    {
        var leads = endpoints.MapGroup("/api/v1/leads").WithTags("leads").DisableAntiforgery();
        leads.MapGet("", (HttpContext http, string? area, string? status, LeadService service) =>
                Scoped(http, caller => Results.Ok(service.List(caller, area, status))))
            .RequireAuthorization(MonitoringPolicies.Read)
            .Produces<List<LeadRow>>().WithSummary("线索：辖区内的农户自主申报、部门预警和村级上报（最新在前），status = pending | confirmed | rejected（记入访问日志）");
        leads.MapGet("/{id:long}", (HttpContext http, long id, LeadService service) =>
                Scoped(http, caller => service.Get(caller, id) is { } lead ? Results.Ok(lead) : NotFound(id)))
            .RequireAuthorization(MonitoringPolicies.Read)
            .Produces<LeadRow>().Produces<ApiError>(StatusCodes.Status404NotFound).WithSummary("一条线索及其状态历史（记入访问日志）");
        leads.MapPost("/{id:long}/confirm", (HttpContext http, long id, LeadDecisionRequest? request, LeadService service) =>
                Scoped(http, caller => service.Confirm(caller, id, request?.Household) is { } lead ? Results.Ok(lead) : NotFound(id)))
            .RequireAuthorization(MonitoringPolicies.Write)
            .Produces<LeadRow>().Produces<ApiError>(StatusCodes.Status404NotFound).Produces<ApiError>(StatusCodes.Status409Conflict)
            .WithSummary("核实确认：在农户记录上登记事件（self_declared 或 department_warning，日期为线索日期）；已核实过 409");
        leads.MapPost("/{id:long}/reject", (HttpContext http, long id, LeadDecisionRequest? request, LeadService service) =>
                Scoped(http, caller => service.Reject(caller, id, request?.Reason) is { } lead ? Results.Ok(lead) : NotFound(id)))
            .RequireAuthorization(MonitoringPolicies.Write)
            .Produces<LeadRow>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound)
            .WithSummary("核实排除：reason 必填（缺少 400）；已核实过 409");
        return endpoints;
    }

    private static IResult NotFound(long id) => Results.Json(new ApiError($"没有线索 #{id}"), statusCode: StatusCodes.Status404NotFound);

    private static IResult Scoped(HttpContext http, Func<Monitoring.Store.Access.Caller, IResult> action) =>
        ApiEndpoints.Scoped(http, caller =>
        {
            try
            {
                return action(caller);
            }
            catch (LeadRejectedException ex)
            {
                return Results.Json(new ApiError(ex.Message), statusCode: StatusCodes.Status409Conflict);
            }
        });
}
