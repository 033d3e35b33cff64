using Monitoring.Rules.Department;
using System.Text.RegularExpressions;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Department;

/// <summary>
/// Checks one roster line against the fields its list requires (department-data.md) and normalises its resident IDs
/// (trimmed, upper-cased <c>x</c>): the problems name the JSON field; sensitive values are never repeated.
/// </summary>
public static partial class RosterLineValidator
{
    public static readonly string[] SubsidyKinds = ["living", "nursing"];
    public static readonly string[] StudentStatuses = ["enrolled", "home_teaching", "exempt_health", "dropped_out"];
    public static readonly string[] AppraisalGrades = ["A", "B", "C", "D"];

    /// <summary>warn-* kinds: the household event kinds, and new_dibao, new_tekun, new_disabled.</summary>
    public static readonly string[] WarningKinds = [.. DomainCodes.EventKinds, "new_dibao", "new_tekun", "new_disabled"];

    [GeneratedRegex(@"^\d{4}-(spring|autumn)$", RegexOptions.CultureInvariant)]
    private static partial Regex TermPattern();

    /// <summary>The line's problems as (field, reason); an empty list when it can be stored.</summary>
    public static List<(string Field, string Reason)> Validate(RosterLine line, RosterKind kind)
    {
        var problems = new List<(string, string)>();
        void Fail(string field, string reason) => problems.Add((field, reason));

        switch (kind)
        {
            case RosterKind.AssistanceCase:
                line.CaseNo = line.CaseNo?.Trim();
                if (string.IsNullOrEmpty(line.CaseNo))
                {
                    Fail("caseNo", "案件编号不能为空");
                }

                if (line.Members is not { Count: > 0 } members)
                {
                    Fail("members", "应至少列出一名成员的身份证号");
                }
                else
                {
                    for (var i = 0; i < members.Count; i++)
                    {
                        members[i] = Normalise(members[i]) ?? "";
                        if (IdProblem(members[i]) is { } reason)
                        {
                            Fail($"members[{i}]", reason);
                        }
                        else if (members.IndexOf(members[i]) < i)
                        {
                            Fail($"members[{i}]", "同一案件中成员身份证号重复");
                        }
                    }
                }

                Require(line.From, "from", "起始日期", Fail);
                CheckRange(line.From, line.To, "to", Fail);
                break;
            case RosterKind.DisabilitySubsidy:
                Person(line, Fail);
                OneOf(line.Kind, SubsidyKinds, "kind", Fail);
                Require(line.From, "from", "起始日期", Fail);
                CheckRange(line.From, line.To, "to", Fail);
                break;
            case RosterKind.MedicalEnrollment:
                Person(line, Fail);
                Year(line.Year, Fail);
                Require(line.Enrolled, "enrolled", "是否参保", Fail);
                break;
            case RosterKind.Students:
                Person(line, Fail);
                if (line.Term is null || !TermPattern().IsMatch(line.Term))
                {
                    Fail("term", "学期应写作 YYYY-spring 或 YYYY-autumn（如 2022-spring）");
                }

                OneOf(line.Status, StudentStatuses, "status", Fail);
                break;
            case RosterKind.Disabled:
                Person(line, Fail);
                if (line.Grade is not (>= 1 and <= 4))
                {
                    Fail("grade", "残疾等级应为 1 至 4");
                }

                CheckRange(line.CertifiedOn, line.CancelledOn, "cancelledOn", Fail);
                break;
            case RosterKind.HousingAppraisal:
                Person(line, Fail);
                OneOf(line.Safety, AppraisalGrades, "safety", Fail);
                Require(line.AppraisedOn, "appraisedOn", "鉴定日期", Fail);
                break;
            case RosterKind.Pension:
                Person(line, Fail);
                Year(line.Year, Fail);
                Require(line.Enrolled, "enrolled", "是否参保", Fail);
                break;
            case RosterKind.Warning:
                Person(line, Fail);
                Require(line.Date, "date", "预警日期", Fail);
                OneOf(line.Kind, WarningKinds, "kind", Fail);
                break;
        }

        return problems;
    }

    /// <summary>The matching key of department-data.md: trimmed, <c>x</c> upper-cased; null for null.</summary>
    public static string? Normalise(string? idNumber) => idNumber?.Trim().ToUpperInvariant();

    private static void Person(RosterLine line, Action<string, string> fail)
    {
        line.IdNumber = Normalise(line.IdNumber);
        if (string.IsNullOrEmpty(line.IdNumber))
        {
            fail("idNumber", "身份证号不能为空");
        }
        else if (IdProblem(line.IdNumber) is { } reason)
        {
            fail("idNumber", reason);
        }
    }

    private static string? IdProblem(string idNumber) => idNumber.Length == 0 ? "身份证号不能为空" : ResidentIdNumber.Problem(idNumber);

    private static void Year(int? year, Action<string, string> fail)
    {
        if (year is not (>= 1990 and <= 2100))
        {
            fail("year", "年度应为 1990 至 2100 之间的整数");
        }
    }

    private static void OneOf(string? value, string[] allowed, string field, Action<string, string> fail)
    {
        if (value is null || Array.IndexOf(allowed, value) < 0)
        {
            fail(field, value is null ? $"不能为空，应为以下之一：{string.Join(" | ", allowed)}" : $"“{Shorten(value)}”应为以下之一：{string.Join(" | ", allowed)}");
        }
    }

    private static void Require<T>(T? value, string field, string nameZh, Action<string, string> fail) where T : struct
    {
        if (value is null)
        {
            fail(field, $"{nameZh}不能为空");
        }
    }

    private static void CheckRange(DateOnly? from, DateOnly? to, string field, Action<string, string> fail)
    {
        if (from is { } start && to is { } end && end < start)
        {
            fail(field, $"终止日期 {end:yyyy-MM-dd} 早于起始日期 {start:yyyy-MM-dd}");
        }
    }

    private static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;
}
