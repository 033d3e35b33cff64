using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Monitoring.Web.Security;

/// <summary>
/// Identity's user store and the data-protection key ring on the store's PostgreSQL. The tables are created by the store's
/// hand-written migration <c>20261201130001_WebUsers</c>; this context has no migrations of its own.
/// </summary>
public sealed class WebIdentityDbContext(DbContextOptions<WebIdentityDbContext> options)
    : IdentityUserContext<MonitoringUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<MonitoringUser>().ToTable("web_users");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("web_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("web_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("web_user_tokens");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
