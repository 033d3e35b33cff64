using Microsoft.AspNetCore.Identity;

namespace Monitoring.Web.Security;

/// <summary>A disabled user cannot sign in (checked at every sign-in and cookie re-validation).</summary>
public sealed class UserConfirmation : IUserConfirmation<MonitoringUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<MonitoringUser> manager, MonitoringUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(!user.Disabled);
    }
}
