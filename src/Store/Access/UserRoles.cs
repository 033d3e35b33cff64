namespace Monitoring.Store.Access;

/// <summary>The roles' names as stored and typed (<c>village|town|county|auditor|admin</c>) and their Chinese labels.</summary>
public static class UserRoles
{
    public const string Village = "village";
    public const string Town = "town";
    public const string County = "county";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> Names { get; } = [Village, Town, County, Auditor, Admin];

    public static string Name(this UserRole role) => role switch
    {
        UserRole.Village => Village,
        UserRole.Town => Town,
        UserRole.County => County,
        UserRole.Auditor => Auditor,
        UserRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Label(this UserRole role) => role switch
    {
        UserRole.Village => "村级工作人员",
        UserRole.Town => "镇级工作人员",
        UserRole.County => "县级工作人员",
        UserRole.Auditor => "审计人员",
        UserRole.Admin => "系统管理员",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? name, out UserRole role)
    {
        role = name switch
        {
            Village => UserRole.Village,
            Town => UserRole.Town,
            County => UserRole.County,
            Auditor => UserRole.Auditor,
            Admin => UserRole.Admin,
            _ => (UserRole)(-1),
        };
        return Enum.IsDefined(role);
    }
}
