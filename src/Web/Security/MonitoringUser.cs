using Microsoft.AspNetCore.Identity;

namespace Monitoring.Web.Security;

/// <summary>A web user: Identity's user with one role and one area (table <c>web_users</c>).</summary>
public sealed class MonitoringUser : IdentityUser
{
    /// <summary>village | town | county | auditor | admin.</summary>
    public required string Role { get; set; }

    /// <summary>6-digit county, 9-digit town or 12-digit village code.</summary>
    public required string AreaCode { get; set; }

    public string? DisplayName { get; set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
