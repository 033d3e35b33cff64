using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Monitoring.Engine.Cases;
using Monitoring.Store.Access;
using Monitoring.Store.Runs;
using Monitoring.Store.Statistics;
using Monitoring.Store.Web;
using Monitoring.Web.Security;

namespace Monitoring.Web.Api;

/// <summary>
/// The JSON API under <c>/api/v1</c>. Names are a contract (README). Unauthenticated: 401 (never a redirect); a role
/// without the right: 403; a household outside the caller's area: 404; a list parameter outside it: 403.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("api").DisableAntiforgery();

        api.MapPost("/login", Login).AllowAnonymous()
            .Produces<SignedInUser>().Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .WithSummary("登录：{user, password} → 200 并设置登录 Cookie；失败 401（连续失败 5 次锁定 15 分钟）");
        api.MapPost("/logout", async (SignInManager<MonitoringUser> signIn) =>
        {
            await signIn.SignOutAsync().ConfigureAwait(false);
            return Results.Ok();
        }).RequireAuthorization().WithSummary("退出登录");
        api.MapGet("/me", (HttpContext http) => Scoped(http, caller => Results.Ok(Me(http, caller))))
            .RequireAuthorization().Produces<SignedInUser>().WithSummary("当前用户");

        var read = api.MapGroup("").RequireAuthorization(MonitoringPolicies.Read);
        read.MapGet("/review", (HttpContext http, string? area, string? rule, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "new")] bool? newSinceLastNight, string? status,
                int? page, int? pageSize, ReviewService reviews) =>
                Scoped(http, caller =>
                {
                    var result = reviews.Page(caller, new ReviewFilter(area, rule, newSinceLastNight ?? false, status), page ?? 1, pageSize ?? ReviewService.DefaultPageSize);
                    PageLinks.Add(http, result);
                    return Results.Ok(result.Rows);
                }))
            .Produces<List<ReviewRow>>().Produces<ApiError>(StatusCodes.Status400BadRequest)
            .WithSummary("待核查名单：最近一次评估中辖区内每个预警户一行（已排除且结果未变的不列出），按村、户编码排序分页：page 从 1 起，pageSize 缺省 50、最多 500；"
                + "可按 rule（预警规则）、new=true（昨晚新增）、status（pending|confirmed）筛选；X-Total-Count 为筛选后的总户数，Link 给出 first/prev/next/last");
        read.MapGet("/households/{id}", (HttpContext http, string id, HouseholdQueries households) =>
                Scoped(http, caller => households.Get(caller, id) is { } view ? Results.Ok(HouseholdResponse.From(view)) : NotFound(id)))
            .Produces<HouseholdResponse>().Produces<ApiError>(StatusCodes.Status404NotFound)
            .WithSummary("农户：记录（身份证号已遮蔽）、当前发现、案件及其日志、核查决定（记入访问日志）");

        read.MapGet("/households/{id}/explain", (HttpContext http, string id, long? run, ExplainQueries explain, Monitoring.Web.Sources.SourceDocuments sources) =>
                Scoped(http, caller => explain.Explain(caller, id, run) is { } result
                    ? Results.Ok(ExplainResponse.From(result, sources))
                    : Results.Json(new ApiError($"没有农户 {id} 或批次 {run}"), statusCode: StatusCodes.Status404NotFound)))
            .Produces<ExplainResponse>().Produces<ApiError>(StatusCodes.Status404NotFound).Produces<ApiError>(StatusCodes.Status409Conflict)
            .WithSummary("重放：该户在批次 run（缺省为最近一次完成的批次）当晚的每条规则，触发与否、依据、条件及其取值、参数及出处，是否复现存储的结果（记入访问日志）");
        read.MapGet("/due", (HttpContext http, string? area, int? within, DateOnly? asOf, Monitoring.Store.Cases.AreaCaseLists lists, TimeProvider clock) =>
                Scoped(http, caller =>
                {
                    var date = asOf ?? Today(clock);
                    return Results.Ok(lists.Due(caller, area, date, within ?? 7).Select(item => DueItem.From(item, date)).ToList());
                }))
            .Produces<List<DueItem>>().WithSummary("到期事项：辖区内 within 天内到期和已逾期的义务（已逾期在前）；asOf 缺省为今天");
        read.MapGet("/notices", (HttpContext http, string? village, DateOnly? asOf, Monitoring.Store.Cases.AreaCaseLists lists, TimeProvider clock) =>
                Scoped(http, caller => Results.Ok(lists.Notice(caller, village ?? "", asOf ?? Today(clock)).Select(NoticeItem.From).ToList())))
            .Produces<List<NoticeItem>>().WithSummary("公示名单：该村在 asOf 当日正在公示的农户（不含身份证号等）");
        read.MapGet("/runs", (HttpContext http, RunQueries runs) => Scoped(http, caller => Results.Ok(runs.List(limit: 100, caller: caller))))
            .Produces<List<StoredRun>>().WithSummary("评估批次（最新在前）");
        read.MapGet("/runs/{id:long}", (HttpContext http, long id, RunQueries runs) =>
                Scoped(http, caller => runs.Detail(caller, id) is { } run ? Results.Ok(run) : Results.Json(new ApiError($"没有评估批次 {id}"), statusCode: StatusCodes.Status404NotFound)))
            .Produces<RunDetail>().WithSummary("一个评估批次及其在本辖区的计数");
        read.MapGet("/dashboard", (HttpContext http, string? area, AreaStatistics statistics, ReviewService reviews) =>
                Scoped(http, caller => Results.Ok(Dashboard.From(statistics.For(caller, area, byVillage: true), reviews.List(caller, area)))))
            .Produces<Dashboard>().WithSummary("统计：按村计数、按规则的发现数、漏斗、近期趋势");

        api.MapPost("/households/{id}/review", (HttpContext http, string id, ReviewDecisionRequest request, ReviewService reviews) =>
                Scoped(http, caller => reviews.Decide(caller, id, request.Decision ?? "", request.ReasonCategory, request.Reason, request.Date) is { } decision
                    ? Results.Ok(decision)
                    : NotFound(id)))
            .RequireAuthorization(MonitoringPolicies.Write)
            .Produces<ReviewDecisionRow>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status409Conflict)
            .WithSummary("核查决定：confirm（确认并立案）或 dismiss（排除，须填理由）");

        api.MapGet("/access-log", (HttpContext http, string? household, AccessLog log) =>
                Scoped(http, caller => log.Read(caller, household) is { } rows ? Results.Ok(rows) : NotFound(household!)))
            .RequireAuthorization(MonitoringPolicies.Audit)
            .Produces<List<AccessLogEntry>>().WithSummary("访问日志（审计人员，辖区内）");
        return endpoints;
    }

    private static async Task<IResult> Login(LoginRequest request, SignInManager<MonitoringUser> signIn)
    {
        if (string.IsNullOrEmpty(request.User) || string.IsNullOrEmpty(request.Password))
        {
            return Results.Json(new ApiError("请输入用户名和密码"), statusCode: StatusCodes.Status401Unauthorized);
        }

        var result = await signIn.PasswordSignInAsync(request.User, request.Password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var message = result.IsLockedOut ? "账号已锁定或停用，请稍后再试或联系管理员" : "用户名或密码错误";
            return Results.Json(new ApiError(message), statusCode: StatusCodes.Status401Unauthorized);
        }

        var user = await signIn.UserManager.FindByNameAsync(request.User).ConfigureAwait(false);
        return Results.Ok(new SignedInUser(user!.UserName!, user.Role, user.AreaCode, user.DisplayName));
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static SignedInUser Me(HttpContext http, Caller caller) =>
        new(caller.UserName, caller.Role.Name(), caller.AreaCode, http.User.FindFirst(MonitoringClaimTypes.DisplayName)?.Value);

    private static IResult NotFound(string id) => Results.Json(new ApiError($"没有农户 {id}"), statusCode: StatusCodes.Status404NotFound);

    /// <summary>Runs a store call as the signed-in caller and maps the store's refusals to status codes.</summary>
    internal static IResult Scoped(HttpContext http, Func<Caller, IResult> action)
    {
        if (http.Caller() is not { } caller)
        {
            return Results.Json(new ApiError("请先登录"), statusCode: StatusCodes.Status401Unauthorized);
        }

        try
        {
            return action(caller);
        }
        catch (Exception ex) when (ex is OutsideAreaException or NotPermittedException)
        {
            return Results.Json(new ApiError(ex.Message), statusCode: StatusCodes.Status403Forbidden);
        }
        catch (ArgumentException ex)
        {
            return Results.Json(new ApiError(ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]), statusCode: StatusCodes.Status400BadRequest);
        }
        catch (ReviewRejectedException ex)
        {
            return Results.Json(new ApiError(ex.Message), statusCode: StatusCodes.Status409Conflict);
        }
        catch (Monitoring.Store.Replay.ReplayRefusedException ex)
        {
            return Results.Json(new ApiError(ex.Message), statusCode: StatusCodes.Status409Conflict);
        }
        catch (CaseRejectedException ex)
        {
            return Results.Json(new ApiError(ex.Message), statusCode: StatusCodes.Status409Conflict);
        }
    }
}
