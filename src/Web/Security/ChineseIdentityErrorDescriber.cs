using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Monitoring.Web.Security;

/// <summary>Identity's errors in Chinese (those a staff member or an administrator can meet).</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"用户名“{userName}”已存在");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"用户名“{userName}”无效：只能包含字母、数字和 -._@+");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), string.Create(CultureInfo.InvariantCulture, $"密码至少 {length} 个字符"));

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码须包含数字");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码须包含小写字母");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码须包含大写字母");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码须包含符号（非字母数字）");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), string.Create(CultureInfo.InvariantCulture, $"密码至少包含 {uniqueChars} 个不同字符"));

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "用户信息已被他人修改，请重试");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
