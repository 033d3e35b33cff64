using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Monitoring.Web.Security;

/// <summary>Adds the user's role and area (and display name) to the sign-in cookie's principal.</summary>
public sealed class MonitoringClaimsPrincipalFactory(UserManager<MonitoringUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<MonitoringUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MonitoringUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(MonitoringClaimTypes.Area, user.AreaCode));
        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            identity.AddClaim(new Claim(MonitoringClaimTypes.DisplayName, user.DisplayName));
        }

        return identity;
    }
}
