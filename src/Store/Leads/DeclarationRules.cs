using System.Text.RegularExpressions;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Codes;

namespace Monitoring.Store.Leads;

/// <summary>
/// The checks of a self-declaration, each a plain Chinese message under its field: name, resident ID (18 characters with
/// the GB 11643 check character, <see cref="ResidentIdNumber"/>), an 11-digit mainland mobile number, a village of the
/// store, a difficulty of <see cref="DomainLabels.DifficultyKinds"/>, a description of at most
/// <see cref="MaxDescription"/> characters.
/// </summary>
public static partial class DeclarationRules
{
    public const int MaxName = 30;
    public const int MaxDescription = 500;

    public const string NameField = "name";
    public const string IdNumberField = "idNumber";
    public const string PhoneField = "phone";
    public const string VillageField = "village";
    public const string KindField = "kind";
    public const string DescriptionField = "description";

    /// <summary>Every problem by field (empty: the declaration may be stored). <paramref name="villageExists"/> says whether the store has the village.</summary>
    public static IReadOnlyDictionary<string, string> Problems(SelfDeclaration declaration, Func<string, bool> villageExists)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(villageExists);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = declaration.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            problems[NameField] = "请填写姓名";
        }
        else if (name.Length > MaxName || name.Any(char.IsControl))
        {
            problems[NameField] = $"姓名最多 {MaxName} 个字，不能含特殊字符";
        }

        var id = IdNumber(declaration.IdNumber);
        if (id.Length == 0)
        {
            problems[IdNumberField] = "请填写身份证号";
        }
        else if (ResidentIdNumber.Problem(id) is { } idProblem)
        {
            problems[IdNumberField] = id.Length == 18 && id[..17].All(char.IsAsciiDigit)
                ? "身份证号最后一位（校验位）不对，请核对后重新填写"
                : idProblem.Replace("身份证号应为 18 位", "身份证号应为 18 位（最后一位可以是 X）", StringComparison.Ordinal);
        }

        var phone = Phone(declaration.Phone);
        if (phone.Length == 0)
        {
            problems[PhoneField] = "请填写手机号码，方便村里联系您";
        }
        else if (!MobilePattern().IsMatch(phone))
        {
            problems[PhoneField] = "手机号码应为 11 位数字，以 1 开头（如 13912345678）";
        }

        var village = declaration.VillageCode?.Trim() ?? "";
        if (village.Length == 0)
        {
            problems[VillageField] = "请选择您所在的村";
        }
        else if (village.Length != 12 || !village.All(char.IsAsciiDigit) || !villageExists(village))
        {
            problems[VillageField] = "没有这个村，请从列表中选择";
        }

        if (string.IsNullOrWhiteSpace(declaration.DifficultyKind))
        {
            problems[KindField] = "请选择困难类别";
        }
        else if (!DomainLabels.DifficultyKinds.Contains(declaration.DifficultyKind.Trim()))
        {
            problems[KindField] = "请从列表中选择困难类别";
        }

        var description = declaration.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            problems[DescriptionField] = "请简单说明遇到的困难";
        }
        else if (description.Length > MaxDescription)
        {
            problems[DescriptionField] = $"困难说明最多 {MaxDescription} 个字，现在有 {description.Length} 个字";
        }

        return problems;
    }

    /// <summary>The resident ID as the store keeps it: spaces removed, upper-cased.</summary>
    public static string IdNumber(string? text) => (text ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>The phone number as the store keeps it: spaces and hyphens removed, a leading +86 dropped.</summary>
    public static string Phone(string? text)
    {
        var phone = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        return phone.StartsWith("+86", StringComparison.Ordinal) ? phone[3..] : phone;
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();
}
