using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Monitoring.Store.Access;

namespace Monitoring.Web.Security;

/// <summary>Adds, lists, disables and enables users and resets passwords (the <c>users</c> verbs are thin callers of this).</summary>
public sealed class UserAdministration(UserManager<MonitoringUser> users, TimeProvider clock)
{
    /// <summary>Adds a user; returns the generated password when none was given (to be shown once), else null.</summary>
    public async Task<string?> AddAsync(string userName, string role, string areaCode, string? displayName, string? password)
    {
        if (!UserRoles.TryParse(role, out _))
        {
            throw new UserAdministrationException($"角色应为 {string.Join("|", UserRoles.Names)}，而不是“{role}”");
        }

        if (!AreaCodes.IsValid(areaCode))
        {
            throw new UserAdministrationException($"地区编码应为 6 位（县）、9 位（镇）或 12 位（村）数字，而不是“{areaCode}”");
        }

        var generated = password is null ? PasswordGenerator.Generate() : null;
        var user = new MonitoringUser
        {
            UserName = userName,
            Role = role,
            AreaCode = areaCode,
            DisplayName = displayName,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, password ?? generated!).ConfigureAwait(false));
        return generated;
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        var now = clock.GetUtcNow();
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync().ConfigureAwait(false);
        return all.Select(u => new UserSummary(u.UserName!, u.Role, u.AreaCode, u.DisplayName, u.Disabled, !u.Disabled && u.LockoutEnd > now, u.CreatedAt)).ToList();
    }

    /// <summary>Disables a user: no more sign-ins, and existing sessions end at their next validation.</summary>
    public async Task DisableAsync(string userName)
    {
        var user = await Find(userName).ConfigureAwait(false);
        user.Disabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        Check(await users.UpdateAsync(user).ConfigureAwait(false));
        Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
    }

    /// <summary>Enables a disabled user again and lifts a lockout (the password is unchanged).</summary>
    public async Task EnableAsync(string userName)
    {
        var user = await Find(userName).ConfigureAwait(false);
        user.Disabled = false;
        user.LockoutEnd = null;
        Check(await users.UpdateAsync(user).ConfigureAwait(false));
        Check(await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false));
    }

    /// <summary>Sets a new password (generated when none is given, returned to be shown once) and lifts a lockout.</summary>
    public async Task<string?> ResetPasswordAsync(string userName, string? password)
    {
        var user = await Find(userName).ConfigureAwait(false);
        var generated = password is null ? PasswordGenerator.Generate() : null;
        var newPassword = password ?? generated!;
        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, user, newPassword).ConfigureAwait(false));
        }

        Check(await users.RemovePasswordAsync(user).ConfigureAwait(false));
        Check(await users.AddPasswordAsync(user, newPassword).ConfigureAwait(false));
        if (!user.Disabled)
        {
            Check(await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false));
            Check(await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false));
        }

        return generated;
    }

    private async Task<MonitoringUser> Find(string userName) =>
        await users.FindByNameAsync(userName).ConfigureAwait(false) ?? throw new UserAdministrationException($"没有用户“{userName}”");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new UserAdministrationException(string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
