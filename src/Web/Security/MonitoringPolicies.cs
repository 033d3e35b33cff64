using Monitoring.Store.Access;

namespace Monitoring.Web.Security;

/// <summary>Authorization policies by role (the area is checked by the store queries themselves).</summary>
public static class MonitoringPolicies
{
    /// <summary>Household data: village, town, county, auditor.</summary>
    public const string Read = "read";

    /// <summary>Review decisions and case commands: village, town, county.</summary>
    public const string Write = "write";

    /// <summary>The access log: auditor.</summary>
    public const string Audit = "audit";

    /// <summary>User administration: admin.</summary>
    public const string Administer = "administer";

    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Read] = [UserRoles.Village, UserRoles.Town, UserRoles.County, UserRoles.Auditor],
        [Write] = [UserRoles.Village, UserRoles.Town, UserRoles.County],
        [Audit] = [UserRoles.Auditor],
        [Administer] = [UserRoles.Admin],
    };
}
