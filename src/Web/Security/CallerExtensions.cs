using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Monitoring.Store.Access;

namespace Monitoring.Web.Security;

/// <summary>The store's <see cref="Caller"/> for the signed-in user of a request (null when not signed in).</summary>
public static class CallerExtensions
{
    public static Caller? Caller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true
            || user.Identity.Name is not { Length: > 0 } name
            || !UserRoles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role)
            || user.FindFirstValue(MonitoringClaimTypes.Area) is not { } area
            || !AreaCodes.IsValid(area))
        {
            return null;
        }

        return new Caller(name, role, area, context.Connection.RemoteIpAddress?.ToString());
    }
}
