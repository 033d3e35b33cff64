using FluentValidation;
using FluentValidation.Results;
using Monitoring.Engine.Records;

namespace Monitoring.Engine.Validation;

/// <summary>
/// Checks one interchange record before it is evaluated: required fields, enumerated values, money ≥ 0,
/// household size ≥ 1, dates of things done not after the evaluation date, plausible birth dates and
/// resident ID check digits. Property paths are the JSON field paths (<c>members[1].birthDate</c>).
/// Collections are checked item by item inside one rule each (no child validation context per item),
/// which keeps validation of a million records within the evaluation budget.
/// </summary>
public sealed class HouseholdRecordValidator : AbstractValidator<HouseholdRecord>
{
    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    private readonly DateOnly _asOf;
    private readonly string _afterAsOf;

    public HouseholdRecordValidator(DateOnly asOf)
    {
        _asOf = asOf;
        _afterAsOf = $"日期晚于评估日 {asOf:yyyy-MM-dd}（已发生事项的日期不能在评估日之后）";

        RuleFor(h => h.Id).NotEmpty().WithMessage("户编码不能为空").MaximumLength(64).WithMessage("户编码不能超过 64 个字符").OverridePropertyName("id");
        RuleFor(h => h).Custom(CheckRegionAndCategory);
        RuleFor(h => h.Members).Custom(CheckMembers);
        RuleFor(h => h.Incomes).Custom(CheckIncomes);
        RuleFor(h => h).Custom(CheckExpenses);
        RuleFor(h => h).Custom(CheckHousingAndWater);
        RuleFor(h => h.Events).Custom(CheckEvents);
        RuleFor(h => h).Custom(CheckHelperAndVisits);
        RuleFor(h => h.Case).Custom(CheckCase);
    }

    private static void Fail(ValidationContext<HouseholdRecord> context, string path, string message) =>
        context.AddFailure(new ValidationFailure(path, message));

    private static bool In(string[] values, string? value) => value is null || Array.IndexOf(values, value) >= 0;

    private static void CheckRegionAndCategory(HouseholdRecord h, ValidationContext<HouseholdRecord> context)
    {
        if (h.Region is null)
        {
            Fail(context, "region", "缺少 region（行政区划）");
        }
        else
        {
            var county = h.Region.CountyCode;
            if (string.IsNullOrEmpty(county))
            {
                Fail(context, "region.countyCode", "缺少县级行政区划代码");
            }
            else if (county.Length != 6 || !county.All(char.IsAsciiDigit))
            {
                Fail(context, "region.countyCode", "县级行政区划代码应为 6 位数字");
            }

            var village = h.Region.VillageCode;
            if (village is not null && (village.Length is < 6 or > 12 || !village.All(char.IsAsciiDigit)))
            {
                Fail(context, "region.villageCode", "村级行政区划代码应为 6 至 12 位数字");
            }
        }

        if (string.IsNullOrEmpty(h.Category))
        {
            Fail(context, "category", "缺少 category（户类别）");
        }
        else if (!In(DomainCodes.Categories, h.Category))
        {
            Fail(context, "category", DomainCodes.OneOf(DomainCodes.Categories));
        }

        if (!In(DomainCodes.MonitoringTypes, h.MonitoringType))
        {
            Fail(context, "monitoringType", DomainCodes.OneOf(DomainCodes.MonitoringTypes));
        }
    }

    private void CheckMembers(List<MemberRecord>? members, ValidationContext<HouseholdRecord> context)
    {
        if (members is null || members.Count == 0)
        {
            Fail(context, "members", "至少应有一名家庭成员");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var at = $"members[{i}]";
            if (m is null)
            {
                Fail(context, at, "成员不能为 null");
                continue;
            }

            if (string.IsNullOrEmpty(m.Id))
            {
                Fail(context, at + ".id", "缺少成员 id");
            }
            else if (!seen.Add(m.Id))
            {
                Fail(context, at + ".id", $"成员 id {m.Id} 在户内重复");
            }

            if (m.IdNumber is not null && ResidentIdNumber.Problem(m.IdNumber) is { } idProblem)
            {
                Fail(context, at + ".idNumber", idProblem);
            }

            if (m.BirthDate is not { } birth)
            {
                Fail(context, at + ".birthDate", "缺少出生日期");
            }
            else if (birth > _asOf)
            {
                Fail(context, at + ".birthDate", $"出生日期晚于评估日 {_asOf:yyyy-MM-dd}");
            }
            else if (birth < EarliestBirth)
            {
                Fail(context, at + ".birthDate", "出生日期早于 1900-01-01，不合理");
            }

            CheckCode(context, at + ".relation", DomainCodes.Relations, m.Relation);
            CheckCode(context, at + ".sex", DomainCodes.Sexes, m.Sex);
            CheckCode(context, at + ".health", DomainCodes.Health, m.Health);
            CheckCodes(context, at + ".chronicDiseases", DomainCodes.ChronicDiseases, m.ChronicDiseases);
            if (m.DisabilityGrade is < 1 or > 4)
            {
                Fail(context, at + ".disabilityGrade", "残疾等级应为 1 到 4");
            }

            CheckCode(context, at + ".laborCapacity", DomainCodes.LaborCapacities, m.LaborCapacity);
            if (m.Employment is { } employment)
            {
                CheckCode(context, at + ".employment.status", DomainCodes.EmploymentStatuses, employment.Status);
                if (employment.MonthsThisYear is < 0 or > 12)
                {
                    Fail(context, at + ".employment.monthsThisYear", "本年就业月数应在 0 到 12 之间");
                }

                CheckCode(context, at + ".employment.place", DomainCodes.EmploymentPlaces, employment.Place);
            }

            CheckCode(context, at + ".schooling", DomainCodes.Schooling, m.Schooling);
            CheckCodes(context, at + ".assistance", DomainCodes.Assistance, m.Assistance);
            CheckMemberV11(context, at, m);
        }
    }

    /// <summary>The optional member fields of format 1.1: pension insurance, disability subsidies, education aid, care group.</summary>
    private void CheckMemberV11(ValidationContext<HouseholdRecord> context, string at, MemberRecord m)
    {
        if (m.PensionInsurance is { } pension)
        {
            if (pension.Year is < 2000 or > 2100)
            {
                Fail(context, at + ".pensionInsurance.year", "参保年度不合理");
            }

            if (pension.Enrolled is null)
            {
                Fail(context, at + ".pensionInsurance.enrolled", "缺少是否参加城乡居民养老保险（true 或 false）");
            }

            if (pension.Subsidised == true && pension.Enrolled == false)
            {
                Fail(context, at + ".pensionInsurance.subsidised", "未参保却记录了代缴保费");
            }
        }

        for (var i = 0; i < (m.EducationAid?.Count ?? 0); i++)
        {
            var aid = m.EducationAid![i];
            var path = $"{at}.educationAid[{i}]";
            if (aid is null)
            {
                Fail(context, path, "教育资助记录不能为 null");
                continue;
            }

            if (Monitoring.Rules.Facts.EducationTerm.Parse(aid.Term) is null)
            {
                Fail(context, path + ".term", "学期应为 YYYY-spring 或 YYYY-autumn（如 2022-spring）");
            }

            if (aid.PaidOn > _asOf)
            {
                Fail(context, path + ".paidOn", _afterAsOf);
            }
        }

        if (m.CareGroup is { } care)
        {
            if (string.IsNullOrEmpty(care.Kind))
            {
                Fail(context, at + ".careGroup.kind", "缺少关爱对象类别");
            }
            else
            {
                CheckCode(context, at + ".careGroup.kind", DomainCodes.CareGroupKinds, care.Kind);
            }

            if (string.IsNullOrEmpty(care.Level))
            {
                Fail(context, at + ".careGroup.level", "缺少关爱等级（general 或 special）");
            }
            else
            {
                CheckCode(context, at + ".careGroup.level", DomainCodes.CareLevels, care.Level);
            }

            CheckDoneDates(context, at + ".careGroup.visits", care.Visits);
        }
    }

    private static void CheckIncomes(List<IncomeCycleRecord>? incomes, ValidationContext<HouseholdRecord> context)
    {
        for (var i = 0; i < (incomes?.Count ?? 0); i++)
        {
            var c = incomes![i];
            var at = $"incomes[{i}]";
            if (c.Year is not { } year)
            {
                Fail(context, at + ".year", "缺少收入年度");
            }
            else if (year is < 2000 or > 2100)
            {
                Fail(context, at + ".year", "收入年度不合理");
            }

            if (c.From is null)
            {
                Fail(context, at + ".from", "缺少收入周期起始日期");
            }

            if (c.To is null)
            {
                Fail(context, at + ".to", "缺少收入周期截止日期");
            }
            else if (c.From is { } from && c.To < from)
            {
                Fail(context, at + ".to", "收入周期截止日期早于起始日期");
            }

            CheckMoney(context, at + ".wage", c.Wage);
            CheckMoney(context, at + ".production", c.Production);
            CheckMoney(context, at + ".property", c.Property);
            CheckMoney(context, at + ".transfer", c.Transfer);
            CheckMoney(context, at + ".productionCost", c.ProductionCost);
            if (c.Size is not { } size)
            {
                Fail(context, at + ".size", "缺少计算人口数 size");
            }
            else if (size < 1)
            {
                Fail(context, at + ".size", "人口数 size 应 ≥ 1");
            }
        }
    }

    private void CheckExpenses(HouseholdRecord h, ValidationContext<HouseholdRecord> context)
    {
        var expenses = h.Expenses;
        for (var i = 0; i < (expenses?.Count ?? 0); i++)
        {
            var e = expenses![i];
            var at = $"expenses[{i}]";
            CheckDoneDate(context, at + ".date", e.Date, "缺少支出日期");
            if (string.IsNullOrEmpty(e.Kind))
            {
                Fail(context, at + ".kind", "缺少支出类别");
            }
            else
            {
                CheckCode(context, at + ".kind", DomainCodes.ExpenseKinds, e.Kind);
            }

            if (e.Amount is null)
            {
                Fail(context, at + ".amount", "缺少支出金额");
            }

            CheckMoney(context, at + ".amount", e.Amount);
            CheckMoney(context, at + ".reimbursed", e.Reimbursed);
            if (e.Reimbursed is { } reimbursed && e.Amount is { } amount && reimbursed > amount)
            {
                Fail(context, at + ".reimbursed", "报销金额不能超过支出金额");
            }

            CheckCode(context, at + ".setting", DomainCodes.ExpenseSettings, e.Setting);
            if (e.Setting is not null && e.Kind is not null && e.Kind != "medical")
            {
                Fail(context, at + ".setting", "只有医疗支出（kind = medical）才区分住院或门诊");
            }

            if (e.MemberId is not null && h.Members?.Any(m => m?.Id == e.MemberId) != true)
            {
                Fail(context, at + ".memberId", $"memberId {e.MemberId} 不是本户成员");
            }
        }
    }

    private void CheckHousingAndWater(HouseholdRecord h, ValidationContext<HouseholdRecord> context)
    {
        if (h.Housing is { } housing)
        {
            CheckCode(context, "housing.safety", DomainCodes.HousingSafety, housing.Safety);
            if (housing.AppraisedOn > _asOf)
            {
                Fail(context, "housing.appraisedOn", _afterAsOf);
            }
        }

        if (h.Water is { } water)
        {
            if (water.LitresPerPersonDay < 0)
            {
                Fail(context, "water.litresPerPersonDay", "用水量不能为负");
            }

            if (water.FetchRoundTripMinutes < 0)
            {
                Fail(context, "water.fetchRoundTripMinutes", "取水时间不能为负");
            }

            if (water.SupplyGuaranteeRate is < 0 or > 1)
            {
                Fail(context, "water.supplyGuaranteeRate", "供水保证率应在 0 到 1 之间");
            }
        }
    }

    private void CheckEvents(List<EventRecord>? events, ValidationContext<HouseholdRecord> context)
    {
        for (var i = 0; i < (events?.Count ?? 0); i++)
        {
            var e = events![i];
            var at = $"events[{i}]";
            CheckDoneDate(context, at + ".date", e.Date, "缺少事件日期");
            if (string.IsNullOrEmpty(e.Kind))
            {
                Fail(context, at + ".kind", "缺少事件类别");
            }
            else
            {
                CheckCode(context, at + ".kind", DomainCodes.EventKinds, e.Kind);
            }

            CheckCode(context, at + ".housingDamage", DomainCodes.HousingDamage, e.HousingDamage);
            if (e.HousingRepairedOn is { } repaired)
            {
                if (repaired > _asOf)
                {
                    Fail(context, at + ".housingRepairedOn", _afterAsOf);
                }
                else if (e.HousingDamage is null)
                {
                    Fail(context, at + ".housingRepairedOn", "记录了住房修复日期，但没有 housingDamage（住房损毁情况）");
                }
                else if (e.Date is { } date && repaired < date)
                {
                    Fail(context, at + ".housingRepairedOn", "住房修复日期早于事件日期");
                }
            }
        }
    }

    private void CheckHelperAndVisits(HouseholdRecord h, ValidationContext<HouseholdRecord> context)
    {
        if (h.Helper is { } helper)
        {
            if (string.IsNullOrWhiteSpace(helper.Name))
            {
                Fail(context, "helper.name", "缺少帮扶人姓名");
            }

            CheckDoneDate(context, "helper.assignedOn", helper.AssignedOn, "缺少结对日期");
        }

        CheckDoneDates(context, "visits", h.Visits);
        CheckDoneDates(context, "screenings", h.Screenings);
        if (h.ExitPlan is { } exitPlan)
        {
            if (exitPlan.Year is not { } year)
            {
                Fail(context, "exitPlan.year", "缺少计划脱贫年度");
            }
            else if (year is < 2000 or > 2100)
            {
                Fail(context, "exitPlan.year", "计划脱贫年度不合理");
            }

            if (exitPlan.ViaIndustry is null)
            {
                Fail(context, "exitPlan.viaIndustry", "缺少是否产业脱贫（true 或 false）");
            }
        }
    }

    private void CheckCase(CaseRecord? c, ValidationContext<HouseholdRecord> context)
    {
        if (c is null)
        {
            return;
        }

        CheckDoneDate(context, "case.openedOn", c.OpenedOn, "缺少立案日期 openedOn");
        CheckSteps(context, "case.inclusion", c.Inclusion, DomainCodes.InclusionSteps);
        if (c.PlanOn > _asOf)
        {
            Fail(context, "case.planOn", _afterAsOf);
        }

        for (var i = 0; i < (c.Measures?.Count ?? 0); i++)
        {
            var m = c.Measures![i];
            var at = $"case.measures[{i}]";
            if (string.IsNullOrEmpty(m.Kind))
            {
                Fail(context, at + ".kind", "缺少措施类别");
            }
            else
            {
                CheckCode(context, at + ".kind", DomainCodes.MeasureKinds, m.Kind);
            }

            CheckDoneDate(context, at + ".date", m.Date, "缺少措施日期");
        }

        for (var i = 0; i < (c.Risks?.Count ?? 0); i++)
        {
            var risk = c.Risks![i];
            var at = $"case.risks[{i}]";
            if (risk is null || string.IsNullOrEmpty(risk.Kind))
            {
                Fail(context, at + ".kind", "缺少风险类别");
                continue;
            }

            CheckCode(context, at + ".kind", DomainCodes.RiskKinds, risk.Kind);
            if (risk.IdentifiedOn > _asOf)
            {
                Fail(context, at + ".identifiedOn", _afterAsOf);
            }
        }

        CheckDoneDates(context, "case.reviews", c.Reviews);
        if (c.Release is { } release)
        {
            CheckSteps(context, "case.release.steps", release.Steps, DomainCodes.ReleaseSteps);
            CheckDoneDates(context, "case.release.revisits", release.Revisits);
        }
    }

    private void CheckSteps(ValidationContext<HouseholdRecord> context, string path, List<CaseStepRecord>? steps, string[] allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (steps?.Count ?? 0); i++)
        {
            var s = steps![i];
            var at = $"{path}[{i}]";
            if (string.IsNullOrEmpty(s.Step))
            {
                Fail(context, at + ".step", "缺少步骤名称");
            }
            else if (!In(allowed, s.Step))
            {
                Fail(context, at + ".step", DomainCodes.OneOf(allowed));
            }
            else if (!seen.Add(s.Step))
            {
                Fail(context, at + ".step", $"步骤 {s.Step} 重复记录");
            }

            CheckDoneDate(context, at + ".date", s.Date, "缺少步骤日期");
            if (s.Until is { } until && s.Date is { } date && until < date)
            {
                Fail(context, at + ".until", "公示截止日期早于开始日期");
            }
        }
    }

    private void CheckDoneDate(ValidationContext<HouseholdRecord> context, string path, DateOnly? date, string missing)
    {
        if (date is null)
        {
            Fail(context, path, missing);
        }
        else if (date > _asOf)
        {
            Fail(context, path, _afterAsOf);
        }
    }

    private void CheckDoneDates(ValidationContext<HouseholdRecord> context, string path, List<DateOnly>? dates)
    {
        for (var i = 0; i < (dates?.Count ?? 0); i++)
        {
            if (dates![i] > _asOf)
            {
                Fail(context, $"{path}[{i}]", _afterAsOf);
            }
        }
    }

    private static void CheckCode(ValidationContext<HouseholdRecord> context, string path, string[] allowed, string? value)
    {
        if (!In(allowed, value))
        {
            Fail(context, path, DomainCodes.OneOf(allowed));
        }
    }

    private static void CheckCodes(ValidationContext<HouseholdRecord> context, string path, string[] allowed, List<string>? values)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (!In(allowed, values![i]))
            {
                Fail(context, $"{path}[{i}]", DomainCodes.OneOf(allowed));
            }
        }
    }

    private static void CheckMoney(ValidationContext<HouseholdRecord> context, string path, decimal? value)
    {
        if (value < 0)
        {
            Fail(context, path, "金额不能为负");
        }
    }
}
