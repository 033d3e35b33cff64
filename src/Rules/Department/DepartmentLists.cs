using System.Text.RegularExpressions;

namespace Monitoring.Rules.Department;

/// <summary>The department lists of department-data.md: list id, its line shape and its Chinese name.</summary>
public static partial class DepartmentLists
{
    public const string Dibao = "mca-dibao";
    public const string Tekun = "mca-tekun";
    public const string LowIncome = "mca-lowincome";
    public const string DisabilitySubsidy = "mca-disability-subsidy";
    public const string MedicalEnrollment = "nhsa-enrollment";
    public const string Students = "moe-students";
    public const string Disabled = "cdpf-disabled";
    public const string HousingAppraisal = "mohurd-appraisal";
    public const string Pension = "mohrss-pension";

    private static readonly Dictionary<string, (RosterKind Kind, string NameZh)> Known = new(StringComparer.Ordinal)
    {
        [Dibao] = (RosterKind.AssistanceCase, "民政·低保"),
        [Tekun] = (RosterKind.AssistanceCase, "民政·特困"),
        [LowIncome] = (RosterKind.AssistanceCase, "民政·低收入人口"),
        [DisabilitySubsidy] = (RosterKind.DisabilitySubsidy, "民政·残疾人两项补贴"),
        [MedicalEnrollment] = (RosterKind.MedicalEnrollment, "医保·参保"),
        [Students] = (RosterKind.Students, "教育·在校生"),
        [Disabled] = (RosterKind.Disabled, "残联·持证残疾人"),
        [HousingAppraisal] = (RosterKind.HousingAppraisal, "住建·危房鉴定"),
        [Pension] = (RosterKind.Pension, "人社·养老保险"),
    };

    [GeneratedRegex("^warn-[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex WarningListPattern();

    /// <summary>Every list id except the open family <c>warn-&lt;dept&gt;</c>.</summary>
    public static IReadOnlyCollection<string> Rosters => Known.Keys;

    /// <summary>The shape of a list's lines, or null for an unknown list id.</summary>
    public static RosterKind? KindOf(string listId) =>
        Known.TryGetValue(listId, out var known) ? known.Kind : IsWarning(listId) ? RosterKind.Warning : null;

    public static bool IsWarning(string listId) => WarningListPattern().IsMatch(listId);

    public static string NameZh(string listId) =>
        Known.TryGetValue(listId, out var known) ? known.NameZh : IsWarning(listId) ? $"筛查预警清单（{listId[5..]}）" : listId;

    /// <summary>For messages: the accepted list ids.</summary>
    public static string Describe() => string.Join("、", Known.Keys) + "、warn-<部门>（如 warn-yingji）";
}
