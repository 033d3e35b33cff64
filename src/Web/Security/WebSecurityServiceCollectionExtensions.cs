using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Monitoring.Web.Security;

/// <summary>Identity on the store's PostgreSQL: users with role and area, lockout, Chinese errors; for the web also the
/// sign-in cookie, authorization policies and the data-protection key ring in PostgreSQL.</summary>
public static class WebSecurityServiceCollectionExtensions
{
    public const string CookieName = "monitoring.auth";

    /// <summary>The user store and <see cref="UserAdministration"/> (the CLI's <c>users</c> verbs and the web).</summary>
    public static IdentityBuilder AddMonitoringUsers(this IServiceCollection services)
    {
        services.AddDbContext<WebIdentityDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()).UseSnakeCaseNamingConvention());
        services.AddScoped<UserAdministration>();
        services.AddScoped<IUserConfirmation<MonitoringUser>, UserConfirmation>();
        return services.AddIdentityCore<MonitoringUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<WebIdentityDbContext>()
            .AddClaimsPrincipalFactory<MonitoringClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
    }

    /// <summary>Sign-in (Identity cookie), authorization by role, antiforgery and the shared key ring.</summary>
    public static IServiceCollection AddMonitoringWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMonitoringUsers().AddSignInManager();
        services.AddDataProtection().SetApplicationName("monitoring").PersistKeysToDbContext<WebIdentityDbContext>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        var securePolicy = configuration.GetValue("Web:SecureCookies", true) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = securePolicy;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden),
                OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
            };
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "monitoring.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = securePolicy;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(MonitoringPolicies.Read, policy => policy.RequireRole(MonitoringPolicies.Roles[MonitoringPolicies.Read]))
            .AddPolicy(MonitoringPolicies.Write, policy => policy.RequireRole(MonitoringPolicies.Roles[MonitoringPolicies.Write]))
            .AddPolicy(MonitoringPolicies.Audit, policy => policy.RequireRole(MonitoringPolicies.Roles[MonitoringPolicies.Audit]))
            .AddPolicy(MonitoringPolicies.Administer, policy => policy.RequireRole(MonitoringPolicies.Roles[MonitoringPolicies.Administer]));
        return services;
    }

    /// <summary>The API answers 401/403 itself; pages are redirected to the sign-in or access-denied page.</summary>
    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
