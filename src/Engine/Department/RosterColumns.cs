using Monitoring.Rules.Codes;
using Monitoring.Rules.Department;
using Monitoring.Engine.Importing;

namespace Monitoring.Engine.Department;

/// <summary>
/// The Chinese headers of department spreadsheets, per list kind (docs/department-mapping.md describes the same table).
/// Assistance-case lists have one row per member; rows with the same 案件编号 form one case.
/// </summary>
internal static class RosterColumns
{
    public const string IdHeader = "身份证号";

    private static readonly string[] IdAliases = ["身份证号码", "公民身份号码", "证件号码", "户主身份证号", "户主身份证号码"];

    private static readonly CodeMap SubsidyKinds = new(RosterLineValidator.SubsidyKinds,
        ("living", ["生活补贴", "困难残疾人生活补贴"]), ("nursing", ["护理补贴", "重度残疾人护理补贴"]));

    private static readonly CodeMap StudentStatuses = new(RosterLineValidator.StudentStatuses,
        CodeMap.Entry(DomainLabels.Schooling, "enrolled"), CodeMap.Entry(DomainLabels.Schooling, "home_teaching"),
        CodeMap.Entry(DomainLabels.Schooling, "exempt_health"), ("dropped_out", ["辍学", "失学辍学", "失学"]));

    private static readonly CodeMap AppraisalGrades = new(RosterLineValidator.AppraisalGrades,
        [.. RosterLineValidator.AppraisalGrades.Select(grade => CodeMap.Entry(DomainLabels.HousingSafety, grade))]);

    private static readonly CodeMap WarningKinds = new(RosterLineValidator.WarningKinds,
        [.. DomainLabels.EventKinds.Values.Select(kind => CodeMap.Entry(DomainLabels.EventKinds, kind)),
        ("new_dibao", ["新纳入低保"]), ("new_tekun", ["新纳入特困"]), ("new_disabled", ["新增残疾"])]);

    private static RosterColumn Id(Action<RosterLine, string> set) =>
        new(IdHeader, "idNumber", true, IdAliases, (c, _) => CellParsers.IdNumber(c), (l, v) => set(l, (string)v));

    private static RosterColumn Date(string header, string field, bool required, Action<RosterLine, DateOnly> set, params string[] aliases) =>
        new(header, field, required, aliases, CellParsers.Date, (l, v) => set(l, (DateOnly)v));

    private static RosterColumn Year(Action<RosterLine, int> set) =>
        new("年度", "year", true, ["参保年度", "缴费年度"], (c, _) => CellParsers.Integer(c), (l, v) => set(l, (int)v));

    private static RosterColumn YesNo(string header, string field, bool required, Action<RosterLine, bool> set, params string[] aliases) =>
        new(header, field, required, aliases, (c, _) => CellParsers.Bool(c), (l, v) => set(l, (bool)v));

    private static RosterColumn Coded(string header, string field, CodeMap map, Action<RosterLine, string> set, params string[] aliases) =>
        new(header, field, true, aliases, (c, _) => CellParsers.Code(c, map), (l, v) => set(l, (string)v));

    public static IReadOnlyList<RosterColumn> For(RosterKind kind) => kind switch
    {
        RosterKind.AssistanceCase =>
        [
            new("案件编号", "caseNo", true, ["低保证号", "特困证号", "救助证编号", "证件编号"], (c, _) => CellParsers.Code(c), (l, v) => l.CaseNo = (string)v),
            Id((l, v) => (l.Members ??= []).Add(v)),
            Date("起始日期", "from", true, (l, v) => l.From = v, "享受起始日期", "开始日期"),
            Date("终止日期", "to", false, (l, v) => l.To = v, "享受终止日期", "截止日期"),
        ],
        RosterKind.DisabilitySubsidy =>
        [
            Id((l, v) => l.IdNumber = v),
            Coded("补贴类别", "kind", SubsidyKinds, (l, v) => l.Kind = v, "补贴类型"),
            Date("起始日期", "from", true, (l, v) => l.From = v, "享受起始日期", "开始日期"),
            Date("终止日期", "to", false, (l, v) => l.To = v, "享受终止日期", "截止日期"),
        ],
        RosterKind.MedicalEnrollment =>
        [
            Id((l, v) => l.IdNumber = v),
            Year((l, v) => l.Year = v),
            YesNo("是否参保", "enrolled", true, (l, v) => l.Enrolled = v, "参保"),
        ],
        RosterKind.Students =>
        [
            Id((l, v) => l.IdNumber = v),
            new("学期", "term", true, [], (c, _) => Term(c), (l, v) => l.Term = (string)v),
            Coded("在校状态", "status", StudentStatuses, (l, v) => l.Status = v, "就读状态", "学籍状态"),
        ],
        RosterKind.Disabled =>
        [
            Id((l, v) => l.IdNumber = v),
            new("残疾等级", "grade", true, [], (c, _) => CellParsers.DisabilityGrade(c), (l, v) => l.Grade = (int)v),
            Date("发证日期", "certifiedOn", false, (l, v) => l.CertifiedOn = v, "持证日期"),
            Date("注销日期", "cancelledOn", false, (l, v) => l.CancelledOn = v),
        ],
        RosterKind.HousingAppraisal =>
        [
            Id((l, v) => l.IdNumber = v),
            Coded("鉴定等级", "safety", AppraisalGrades, (l, v) => l.Safety = v, "安全等级", "房屋安全等级"),
            Date("鉴定日期", "appraisedOn", true, (l, v) => l.AppraisedOn = v),
        ],
        RosterKind.Pension =>
        [
            Id((l, v) => l.IdNumber = v),
            Year((l, v) => l.Year = v),
            YesNo("是否参保", "enrolled", true, (l, v) => l.Enrolled = v, "参保"),
            YesNo("是否代缴", "subsidised", false, (l, v) => l.Subsidised = v, "政府代缴"),
        ],
        _ =>
        [
            Id((l, v) => l.IdNumber = v),
            Date("预警日期", "date", true, (l, v) => l.Date = v, "日期"),
            Coded("预警类型", "kind", WarningKinds, (l, v) => l.Kind = v, "风险类型"),
            new("说明", "note", false, ["备注", "预警内容"], (c, _) => CellParsers.Text(c), (l, v) => l.Note = (string)v),
        ],
    };

    /// <summary>2022-spring, 2022-autumn, 2022年春季 / 2022年秋季 (also 春季学期).</summary>
    private static Parsed Term(TabularCell cell)
    {
        var text = CellParsers.Text(cell);
        if (!text.HasValue)
        {
            return text;
        }

        var value = ImportColumns.Squeeze((string)text.Value!);
        if (value.Length >= 7 && int.TryParse(value.AsSpan(0, 4), out var year))
        {
            var rest = value[4..].TrimStart('年', '-');
            var season = rest.StartsWith('春') || rest.Equals("spring", StringComparison.OrdinalIgnoreCase) ? "spring"
                : rest.StartsWith('秋') || rest.Equals("autumn", StringComparison.OrdinalIgnoreCase) ? "autumn" : null;
            if (season is not null)
            {
                return Parsed.Of($"{year}-{season}");
            }
        }

        return Parsed.Fail("学期应写作 2022-spring、2022-autumn 或 2022年春季、2022年秋季" + CellParsers.Quoted(cell, false));
    }
}
