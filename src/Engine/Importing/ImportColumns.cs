using System.Text;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Codes;

namespace Monitoring.Engine.Importing;

/// <summary>
/// The one table of the member-per-row layout (national monitoring system exports): every recognised Chinese header,
/// the interchange field it fills, and the values it accepts. docs/import-mapping.md describes the same table.
/// Headers match after white space and a leading * are removed and ASCII parentheses are read as full-width ones;
/// a yes/no column is also recognised with 是否 in front (是否严重缺水区).
/// </summary>
public static partial class ImportColumns
{
    public static readonly CodeMap Categories = CodeMap.From(DomainLabels.Categories);

    public static readonly CodeMap MonitoringTypes = CodeMap.From(DomainLabels.MonitoringTypes);

    public static readonly CodeMap Relations = CodeMap.From(DomainLabels.Relations);

    public static readonly CodeMap Sexes = CodeMap.From(DomainLabels.Sexes);

    public static readonly CodeMap Health = CodeMap.From(DomainLabels.Health);

    public static readonly CodeMap ChronicDiseases = CodeMap.From(DomainLabels.ChronicDiseases);

    public static readonly CodeMap LaborCapacities = CodeMap.From(DomainLabels.LaborCapacities);

    public static readonly CodeMap EmploymentStatuses = CodeMap.From(DomainLabels.EmploymentStatuses);

    public static readonly CodeMap EmploymentPlaces = CodeMap.From(DomainLabels.EmploymentPlaces);

    public static readonly CodeMap Schooling = CodeMap.From(DomainLabels.Schooling);

    public static readonly CodeMap Assistance = CodeMap.From(DomainLabels.Assistance);

    public static readonly CodeMap HousingSafety = CodeMap.From(DomainLabels.HousingSafety);

    public static readonly CodeMap CareGroupKinds = CodeMap.From(DomainLabels.CareGroupKinds);

    public static readonly CodeMap CareLevels = CodeMap.From(DomainLabels.CareLevels);

    private const string TextValue = "文本";
    private const string CodeValue = "文本（数字格式的单元格最多 15 位）";
    private const string DateValue = "日期：YYYY-MM-DD、YYYY/M/D、YYYY年M月D日；xlsx 中也可为日期单元格（Excel 序列日期）";
    private const string YesNo = "是 / 否（或 true / false）";
    private const string Money = "金额（元），可带千位分隔符：18000、18,000.50";
    private const string IntegerValue = "整数";

    /// <summary>Every recognised column, household columns first.</summary>
    public static IReadOnlyList<ImportColumn> All { get; } =
    [
        H<string>("户编码", "id", true, CodeValue, Code, (h, v) => h.Id = v, "户编号"),
        H<string>("省", "region.province", false, TextValue, Text, (h, v) => Region(h).Province = v, "省（区、市）", "省份"),
        H<string>("县（市、区）", "region.county", false, TextValue, Text, (h, v) => Region(h).County = v, "县", "县（市、区、旗）"),
        H<string>("县级代码", "region.countyCode", true, CodeValue + "，6 位行政区划代码", Code, (h, v) => Region(h).CountyCode = v, "县级行政区划代码"),
        H<string>("乡（镇）", "region.town", false, TextValue, Text, (h, v) => Region(h).Town = v, "乡镇", "乡（镇、街道）"),
        H<string>("村", "region.village", false, TextValue, Text, (h, v) => Region(h).Village = v, "行政村", "村（社区）"),
        H<string>("村级代码", "region.villageCode", false, CodeValue + "，12 位行政区划代码", Code, (h, v) => Region(h).VillageCode = v, "村级行政区划代码"),
        H<string>("户类别", "category", true, Accepts(Categories), (c, _) => CellParsers.Code(c, Categories), (h, v) => h.Category = v, "户类型"),
        H<string>("监测对象类别", "monitoringType", false, Accepts(MonitoringTypes), (c, _) => CellParsers.Code(c, MonitoringTypes), (h, v) => h.MonitoringType = v),
        H<bool>("严重缺水区", "severeWaterShortageArea", false, YesNo, Bool, (h, v) => h.SevereWaterShortageArea = v),

        H<int>("收入年度", "incomes[0].year", false, IntegerValue + "（如 2021）", Integer, (h, v) => Income(h).Year = v),
        H<DateOnly>("收入周期起", "incomes[0].from", false, DateValue, Date, (h, v) => Income(h).From = v),
        H<DateOnly>("收入周期止", "incomes[0].to", false, DateValue, Date, (h, v) => Income(h).To = v),
        H<decimal>("工资性收入", "incomes[0].wage", false, Money, MoneyParser, (h, v) => Income(h).Wage = v),
        H<decimal>("生产经营性收入", "incomes[0].production", false, Money, MoneyParser, (h, v) => Income(h).Production = v),
        H<decimal>("财产性收入", "incomes[0].property", false, Money, MoneyParser, (h, v) => Income(h).Property = v),
        H<decimal>("转移性收入", "incomes[0].transfer", false, Money, MoneyParser, (h, v) => Income(h).Transfer = v),
        H<decimal>("生产经营性支出", "incomes[0].productionCost", false, Money, MoneyParser, (h, v) => Income(h).ProductionCost = v),
        H<int>("计算人口数", "incomes[0].size", false, IntegerValue, Integer, (h, v) => Income(h).Size = v),

        H<string>("住房安全等级", "housing.safety", false, Accepts(HousingSafety), (c, _) => CellParsers.Code(c, HousingSafety), (h, v) => Housing(h).Safety = v, "住房安全鉴定等级"),
        H<bool>("是否唯一住房", "housing.onlyHouse", false, YesNo, Bool, (h, v) => Housing(h).OnlyHouse = v, "唯一住房"),
        H<DateOnly>("鉴定日期", "housing.appraisedOn", false, DateValue, Date, (h, v) => Housing(h).AppraisedOn = v, "住房鉴定日期"),

        H<bool>("水质达标", "water.meetsQualityStandard", false, YesNo, Bool, (h, v) => Water(h).MeetsQualityStandard = v),
        H<decimal>("人均日用水量（升）", "water.litresPerPersonDay", false, "数字（升/人·日）", (c, _) => CellParsers.Number(c, "应为数字（升）"), (h, v) => Water(h).LitresPerPersonDay = v),
        H<bool>("供水入户", "water.pipedToHome", false, YesNo, Bool, (h, v) => Water(h).PipedToHome = v),
        H<decimal>("取水往返时间（分钟）", "water.fetchRoundTripMinutes", false, "数字（分钟）", (c, _) => CellParsers.Number(c, "应为数字（分钟）"), (h, v) => Water(h).FetchRoundTripMinutes = v),
        H<decimal>("供水保证率", "water.supplyGuaranteeRate", false, "0 到 1 的小数或百分数：0.95、95%；xlsx 中也可为百分比格式的数字单元格", (c, _) => CellParsers.Rate(c), (h, v) => Water(h).SupplyGuaranteeRate = v),

        H<string>("帮扶责任人", "helper.name", false, TextValue, Text, (h, v) => Helper(h).Name = v, "结对帮扶人"),
        H<DateOnly>("结对日期", "helper.assignedOn", false, DateValue, Date, (h, v) => Helper(h).AssignedOn = v),
        H<int>("计划脱贫年度", "exitPlan.year", false, IntegerValue + "（格式 1.1）", Integer, (h, v) => ExitPlan(h).Year = v, "计划退出年度"),
        H<bool>("产业脱贫", "exitPlan.viaIndustry", false, YesNo + "（格式 1.1：当年计划产业脱贫户）", Bool, (h, v) => ExitPlan(h).ViaIndustry = v, "计划产业脱贫"),
        H<DateOnly>("集中排查日期", "screenings[0]", false, DateValue + "（格式 1.1：最近一次集中排查）", Date, (h, v) => h.Screenings = [v], "排查日期"),

        M<string>("成员编号", "members[].id", true, CodeValue + "，户内唯一", Code, (m, v) => m.Id = v),
        M<string>("姓名", "members[].name", false, TextValue, Text, (m, v) => m.Name = v),
        M<string>("证件号码", "members[].idNumber", false, "文本（18 位居民身份证号；数字格式的单元格不接受）", (c, _) => CellParsers.IdNumber(c), (m, v) => m.IdNumber = v, "身份证号", "身份证号码"),
        M<string>("与户主关系", "members[].relation", false, Accepts(Relations), (c, _) => CellParsers.Code(c, Relations), (m, v) => m.Relation = v),
        M<string>("性别", "members[].sex", false, Accepts(Sexes), (c, _) => CellParsers.Code(c, Sexes), (m, v) => m.Sex = v),
        M<DateOnly>("出生日期", "members[].birthDate", true, DateValue, Date, (m, v) => m.BirthDate = v),
        M<string>("健康状况", "members[].health", false, Accepts(Health), (c, _) => CellParsers.Code(c, Health), (m, v) => m.Health = v),
        M<List<string>>("慢性病", "members[].chronicDiseases", false, AcceptsList(ChronicDiseases), (c, _) => CellParsers.CodeList(c, ChronicDiseases), (m, v) => m.ChronicDiseases = v, "慢性病种类"),
        M<bool>("家庭医生签约", "members[].familyDoctorContract", false, YesNo, Bool, (m, v) => m.FamilyDoctorContract = v),
        M<int>("残疾等级", "members[].disabilityGrade", false, "1 至 4（也可写 2级、二级）；空或“无”表示无", (c, _) => CellParsers.DisabilityGrade(c), (m, v) => m.DisabilityGrade = v),
        M<string>("劳动能力", "members[].laborCapacity", false, Accepts(LaborCapacities), (c, _) => CellParsers.Code(c, LaborCapacities), (m, v) => m.LaborCapacity = v, "劳动技能"),
        M<string>("务工状况", "members[].employment.status", false, Accepts(EmploymentStatuses), (c, _) => CellParsers.Code(c, EmploymentStatuses), (m, v) => Employment(m).Status = v),
        M<int>("本年务工月数", "members[].employment.monthsThisYear", false, IntegerValue + "（0 至 12）", Integer, (m, v) => Employment(m).MonthsThisYear = v, "务工时间（月）"),
        M<string>("务工地点", "members[].employment.place", false, Accepts(EmploymentPlaces), (c, _) => CellParsers.Code(c, EmploymentPlaces), (m, v) => Employment(m).Place = v, "务工区域"),
        M<string>("在校生状况", "members[].schooling", false, Accepts(Schooling), (c, _) => CellParsers.Code(c, Schooling), (m, v) => m.Schooling = v),
        M<bool>("参加城乡居民基本医疗保险", "members[].medicalInsurance", false, YesNo, Bool, (m, v) => m.MedicalInsurance = v),
        M<List<string>>("享受政策", "members[].assistance", false, AcceptsList(Assistance), (c, _) => CellParsers.CodeList(c, Assistance), (m, v) => m.Assistance = v),
        M<bool>("参加城乡居民养老保险", "members[].pensionInsurance.enrolled", false, YesNo + "（格式 1.1）", Bool, (m, v) => Pension(m).Enrolled = v, "参加养老保险"),
        M<bool>("养老保险代缴", "members[].pensionInsurance.subsidised", false, YesNo + "（格式 1.1：政府代缴部分或全部保费）", Bool, (m, v) => Pension(m).Subsidised = v, "代缴养老保险"),
        M<int>("养老保险年度", "members[].pensionInsurance.year", false, IntegerValue + "（格式 1.1）", Integer, (m, v) => Pension(m).Year = v, "养老保险参保年度"),
        M<bool>("困难残疾人生活补贴", "members[].disabilitySubsidies.living", false, YesNo + "（格式 1.1）", Bool, (m, v) => Subsidies(m).Living = v, "残疾人生活补贴"),
        M<bool>("重度残疾人护理补贴", "members[].disabilitySubsidies.nursing", false, YesNo + "（格式 1.1）", Bool, (m, v) => Subsidies(m).Nursing = v, "残疾人护理补贴"),
        M<string>("关爱对象类别", "members[].careGroup.kind", false, Accepts(CareGroupKinds) + "（格式 1.1）", (c, _) => CellParsers.Code(c, CareGroupKinds), (m, v) => Care(m).Kind = v),
        M<string>("关爱等级", "members[].careGroup.level", false, Accepts(CareLevels) + "（格式 1.1）", (c, _) => CellParsers.Code(c, CareLevels), (m, v) => Care(m).Level = v),
        M<string>("关爱帮扶责任人", "members[].careGroup.helper", false, TextValue + "（格式 1.1）", Text, (m, v) => Care(m).Helper = v),
    ];

    private static readonly Dictionary<string, ImportColumn> ByHeader = BuildHeaderIndex();

    /// <summary>The column of the 户编码 (household id), which groups member rows into households.</summary>
    public static ImportColumn HouseholdId { get; } = All[0];

    /// <summary>The column a header names, or null for a column the importer ignores.</summary>
    public static ImportColumn? Find(string? header) =>
        header is null ? null : ByHeader.GetValueOrDefault(NormalizeHeader(header));

    /// <summary>The column that fills a field path (<c>members[2].birthDate</c> or <c>members[].birthDate</c>, <c>incomes[0].wage</c>), or null.</summary>
    public static ImportColumn? ForField(string fieldPath)
    {
        var generic = MemberIndex().Replace(fieldPath, "members[]");
        return All.FirstOrDefault(c => c.FieldPath == generic)
            ?? All.FirstOrDefault(c => c.FieldPath == TrailingIndex().Replace(generic, ""));
    }

    /// <summary>Removes all white space (ASCII and full-width).</summary>
    internal static string Squeeze(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!char.IsWhiteSpace(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>White space and leading * removed, ASCII parentheses made full-width.</summary>
    internal static string NormalizeHeader(string header) =>
        Squeeze(header).TrimStart('*', '＊').Replace('(', '（').Replace(')', '）');

    private static Dictionary<string, ImportColumn> BuildHeaderIndex()
    {
        var index = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        foreach (var column in All)
        {
            var names = column.Aliases.Prepend(column.Header).ToList();
            if (column.Accepted == YesNo)
            {
                names.AddRange(names.Where(n => !n.StartsWith("是否", StringComparison.Ordinal)).Select(n => "是否" + n).Except(names).ToList());
            }

            foreach (var name in names)
            {
                if (!index.TryAdd(NormalizeHeader(name), column))
                {
                    throw new InvalidOperationException($"列名 {name} 重复定义");
                }
            }
        }

        return index;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^members\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex MemberIndex();

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d+\]$")]
    private static partial System.Text.RegularExpressions.Regex TrailingIndex();

    private static string Accepts(CodeMap map) =>
        string.Join("；", map.Entries.Select(e => $"{string.Join(" / ", e.Labels)} → {e.Code}"));

    private static string AcceptsList(CodeMap map) => "多项用“、”分隔，空或“无”为空列表：" + Accepts(map);

    private static ImportColumn H<T>(string header, string path, bool required, string accepted, Func<TabularCell, CellContext, Parsed> parse,
        Action<HouseholdRecord, T> set, params string[] aliases) where T : notnull =>
        ImportColumn.ForHousehold(header, path, required, accepted, parse, set, aliases);

    private static ImportColumn M<T>(string header, string path, bool required, string accepted, Func<TabularCell, CellContext, Parsed> parse,
        Action<MemberRecord, T> set, params string[] aliases) where T : notnull =>
        ImportColumn.ForMember(header, path, required, accepted, parse, set, aliases);

    private static Parsed Text(TabularCell cell, CellContext context) => CellParsers.Text(cell);

    private static Parsed Code(TabularCell cell, CellContext context) => CellParsers.Code(cell);

    private static Parsed Bool(TabularCell cell, CellContext context) => CellParsers.Bool(cell);

    private static Parsed Date(TabularCell cell, CellContext context) => CellParsers.Date(cell, context);

    private static Parsed Integer(TabularCell cell, CellContext context) => CellParsers.Integer(cell);

    private static Parsed MoneyParser(TabularCell cell, CellContext context) => CellParsers.Number(cell, "应为金额数字（可带千位分隔符，如 18,000.50）");

    private static RegionRecord Region(HouseholdRecord h) => h.Region ??= new RegionRecord();

    private static IncomeCycleRecord Income(HouseholdRecord h)
    {
        h.Incomes ??= [new IncomeCycleRecord()];
        return h.Incomes[0];
    }

    private static HousingRecord Housing(HouseholdRecord h) => h.Housing ??= new HousingRecord();

    private static WaterRecord Water(HouseholdRecord h) => h.Water ??= new WaterRecord();

    private static HelperRecord Helper(HouseholdRecord h) => h.Helper ??= new HelperRecord();

    private static EmploymentRecord Employment(MemberRecord m) => m.Employment ??= new EmploymentRecord();

    private static ExitPlanRecord ExitPlan(HouseholdRecord h) => h.ExitPlan ??= new ExitPlanRecord();

    private static PensionInsuranceRecord Pension(MemberRecord m) => m.PensionInsurance ??= new PensionInsuranceRecord();

    private static DisabilitySubsidiesRecord Subsidies(MemberRecord m) => m.DisabilitySubsidies ??= new DisabilitySubsidiesRecord();

    private static CareGroupRecord Care(MemberRecord m) => m.CareGroup ??= new CareGroupRecord();
}
