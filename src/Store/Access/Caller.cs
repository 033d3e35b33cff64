namespace Monitoring.Store.Access;

/// <summary>
/// Who is asking: a signed-in user's name, role and area, and where from. Every store query the web calls takes one and
/// filters by <see cref="AreaCode"/>: a household outside it does not exist for the caller, a list asked for outside it
/// is refused (<see cref="OutsideAreaException"/>).
/// </summary>
public sealed record Caller(string UserName, UserRole Role, string AreaCode, string? ClientAddress = null)
{
    /// <summary>
    /// The operator of the command line (<c>due</c>, <c>notice-list</c>): whoever runs the program on the server already
    /// holds the database connection, so the area is the whole store (""); the role reads, it does not record decisions.
    /// </summary>
    public static Caller Operator(string userName, string? client) => new(userName, UserRole.Auditor, "", client);

    /// <summary>Roles that see household data (all but admin).</summary>
    public bool CanRead => Role is not UserRole.Admin;

    /// <summary>Roles that record review decisions and case commands (village, town, county).</summary>
    public bool CanWrite => Role is UserRole.Village or UserRole.Town or UserRole.County;

    /// <summary>Refuses a role that does not see household data (<see cref="CanRead"/>), naming <paramref name="what"/>.</summary>
    public void RequireRead(string what = "农户数据")
    {
        if (!CanRead)
        {
            throw new NotPermittedException($"管理员账号不能查看{what}");
        }
    }

    /// <summary>Refuses a role that does not record decisions (<see cref="CanWrite"/>): "审计人员和管理员不能{action}".</summary>
    public void RequireWrite(string action)
    {
        if (!CanWrite)
        {
            throw new NotPermittedException($"审计人员和管理员不能{action}");
        }
    }

    /// <summary>Roles that read the access log (auditor).</summary>
    public bool CanAudit => Role is UserRole.Auditor;

    public bool Covers(string? villageCode) => AreaCodes.Covers(AreaCode, villageCode);

    /// <summary>
    /// The area a list is for: <paramref name="requested"/> when given (it must be a valid code inside the caller's area,
    /// else <see cref="OutsideAreaException"/>), else the caller's own area.
    /// </summary>
    public string ListArea(string? requested)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return AreaCode;
        }

        if (!AreaCodes.IsValid(requested))
        {
            throw new ArgumentException($"地区编码应为 6 位（县）、9 位（镇）或 12 位（村）数字，而不是“{requested}”", nameof(requested));
        }

        return AreaCodes.Covers(AreaCode, requested)
            ? requested
            : throw new OutsideAreaException($"{requested} 不在您的辖区 {AreaCode} 内");
    }
}
