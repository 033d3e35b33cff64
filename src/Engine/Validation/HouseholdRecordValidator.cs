using FluentValidation;
using Monitoring.Engine.Records;

namespace Monitoring.Engine.Validation;

/// <summary>
/// Checks one interchange record before it is evaluated: required fields, enumerated values, money ≥ 0,
/// household size ≥ 1, dates of things done not after the evaluation date, plausible birth dates and
/// resident ID check digits. Property paths are the JSON field paths (<c>members[1].birthDate</c>).
/// </summary>
public sealed class HouseholdRecordValidator : AbstractValidator<HouseholdRecord>
{
    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    static HouseholdRecordValidator()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
    }

    public HouseholdRecordValidator(DateOnly asOf)
    {
        RuleFor(h => h.Id).NotEmpty().WithMessage("户编码不能为空");
        RuleFor(h => h.Region).NotNull().WithMessage("缺少 region（行政区划）");
        RuleFor(h => h.Region!.CountyCode).NotEmpty().WithMessage("缺少县级行政区划代码")
            .Matches("^[0-9]{6}$").WithMessage("县级行政区划代码应为 6 位数字").When(h => h.Region is not null)
            .OverridePropertyName("region.countyCode");
        RuleFor(h => h.Region!.VillageCode).Matches("^[0-9]{6,12}$").WithMessage("村级行政区划代码应为数字")
            .When(h => h.Region?.VillageCode is not null).OverridePropertyName("region.villageCode");
        RuleFor(h => h.Category).NotEmpty().WithMessage("缺少 category（户类别）")
            .Must(c => DomainCodes.Categories.Contains(c)).When(h => h.Category is not null).WithMessage(DomainCodes.OneOf(DomainCodes.Categories));
        RuleFor(h => h.MonitoringType).Must(t => DomainCodes.MonitoringTypes.Contains(t)).When(h => h.MonitoringType is not null)
            .WithMessage(DomainCodes.OneOf(DomainCodes.MonitoringTypes));

        RuleFor(h => h.Members).NotEmpty().WithMessage("至少应有一名家庭成员");
        RuleFor(h => h.Members).Must(HaveUniqueIds).When(h => h.Members is not null).WithMessage("成员 id 在户内重复");
        RuleForEach(h => h.Members).SetValidator(new MemberValidator(asOf));

        RuleForEach(h => h.Incomes).ChildRules(cycle =>
        {
            cycle.RuleFor(c => c.Year).NotNull().WithMessage("缺少收入年度").InclusiveBetween(2000, 2100).WithMessage("收入年度不合理");
            cycle.RuleFor(c => c.From).NotNull().WithMessage("缺少收入周期起始日期");
            cycle.RuleFor(c => c.To).NotNull().WithMessage("缺少收入周期截止日期")
                .GreaterThanOrEqualTo(c => c.From).When(c => c.From is not null).WithMessage("收入周期截止日期早于起始日期");
            cycle.RuleFor(c => c.Wage).Must(NotNegative).WithMessage("金额不能为负");
            cycle.RuleFor(c => c.Production).Must(NotNegative).WithMessage("金额不能为负");
            cycle.RuleFor(c => c.Property).Must(NotNegative).WithMessage("金额不能为负");
            cycle.RuleFor(c => c.Transfer).Must(NotNegative).WithMessage("金额不能为负");
            cycle.RuleFor(c => c.ProductionCost).Must(NotNegative).WithMessage("金额不能为负");
            cycle.RuleFor(c => c.Size).NotNull().WithMessage("缺少计算人口数 size").GreaterThanOrEqualTo(1).WithMessage("人口数 size 应 ≥ 1");
        });

        RuleForEach(h => h.Expenses).ChildRules(expense =>
        {
            expense.RuleFor(e => e.Date).NotNull().WithMessage("缺少支出日期").Must(d => d <= asOf).WithMessage(AfterAsOf(asOf));
            expense.RuleFor(e => e.Kind).NotEmpty().WithMessage("缺少支出类别")
                .Must(k => DomainCodes.ExpenseKinds.Contains(k)).When(e => e.Kind is not null).WithMessage(DomainCodes.OneOf(DomainCodes.ExpenseKinds));
            expense.RuleFor(e => e.Amount).NotNull().WithMessage("缺少支出金额").Must(NotNegative).WithMessage("金额不能为负");
            expense.RuleFor(e => e.Reimbursed).Must(NotNegative).WithMessage("金额不能为负")
                .Must((e, r) => r is null || e.Amount is null || r <= e.Amount).WithMessage("报销金额不能超过支出金额");
        });
        RuleForEach(h => h.Expenses).Must((h, e) => e.MemberId is null || h.Members?.Any(m => m.Id == e.MemberId) == true)
            .WithMessage("memberId 不是本户成员").OverridePropertyName("expenses");

        RuleFor(h => h.Housing!.Safety).Must(s => DomainCodes.HousingSafety.Contains(s))
            .When(h => h.Housing?.Safety is not null).WithMessage(DomainCodes.OneOf(DomainCodes.HousingSafety)).OverridePropertyName("housing.safety");
        RuleFor(h => h.Housing!.AppraisedOn).Must(d => d <= asOf).When(h => h.Housing?.AppraisedOn is not null)
            .WithMessage(AfterAsOf(asOf)).OverridePropertyName("housing.appraisedOn");

        When(h => h.Water is not null, () =>
        {
            RuleFor(h => h.Water!.LitresPerPersonDay).Must(NotNegative).WithMessage("用水量不能为负").OverridePropertyName("water.litresPerPersonDay");
            RuleFor(h => h.Water!.FetchRoundTripMinutes).Must(NotNegative).WithMessage("取水时间不能为负").OverridePropertyName("water.fetchRoundTripMinutes");
            RuleFor(h => h.Water!.SupplyGuaranteeRate).InclusiveBetween(0m, 1m).WithMessage("供水保证率应在 0 到 1 之间").OverridePropertyName("water.supplyGuaranteeRate");
        });

        RuleForEach(h => h.Events).ChildRules(e =>
        {
            e.RuleFor(x => x.Date).NotNull().WithMessage("缺少事件日期").Must(d => d <= asOf).WithMessage(AfterAsOf(asOf));
            e.RuleFor(x => x.Kind).NotEmpty().WithMessage("缺少事件类别")
                .Must(k => DomainCodes.EventKinds.Contains(k)).When(x => x.Kind is not null).WithMessage(DomainCodes.OneOf(DomainCodes.EventKinds));
        });

        When(h => h.Helper is not null, () =>
        {
            RuleFor(h => h.Helper!.Name).NotEmpty().WithMessage("缺少帮扶人姓名").OverridePropertyName("helper.name");
            RuleFor(h => h.Helper!.AssignedOn).NotNull().WithMessage("缺少结对日期").Must(d => d <= asOf).WithMessage(AfterAsOf(asOf))
                .OverridePropertyName("helper.assignedOn");
        });

        RuleForEach(h => h.Visits).Must(d => d <= asOf).WithMessage(AfterAsOf(asOf));

        RuleFor(h => h.Case!).SetValidator(new CaseValidator(asOf)).When(h => h.Case is not null).OverridePropertyName("case");
    }

    internal static bool NotNegative(decimal? value) => value is null || value >= 0;

    internal static bool NotNegative(int? value) => value is null || value >= 0;

    internal static string AfterAsOf(DateOnly asOf) => $"日期晚于评估日 {asOf:yyyy-MM-dd}（已发生事项的日期不能在评估日之后）";

    internal static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static bool HaveUniqueIds(List<MemberRecord>? members) =>
        members is null || members.Where(m => m.Id is not null).Select(m => m.Id).Distinct().Count() == members.Count(m => m.Id is not null);

    private sealed class MemberValidator : AbstractValidator<MemberRecord>
    {
        public MemberValidator(DateOnly asOf)
        {
            RuleFor(m => m.Id).NotEmpty().WithMessage("缺少成员 id");
            RuleFor(m => m.IdNumber).Must(n => ResidentIdNumber.Problem(n!) is null).When(m => m.IdNumber is not null)
                .WithMessage(m => ResidentIdNumber.Problem(m.IdNumber!) ?? "");
            RuleFor(m => m.BirthDate).NotNull().WithMessage("缺少出生日期")
                .Must(d => d <= asOf).WithMessage($"出生日期晚于评估日 {asOf:yyyy-MM-dd}")
                .Must(d => d >= EarliestBirth).WithMessage("出生日期早于 1900-01-01，不合理");
            RuleFor(m => m.Relation).Must(v => DomainCodes.Relations.Contains(v)).When(m => m.Relation is not null).WithMessage(DomainCodes.OneOf(DomainCodes.Relations));
            RuleFor(m => m.Sex).Must(v => DomainCodes.Sexes.Contains(v)).When(m => m.Sex is not null).WithMessage(DomainCodes.OneOf(DomainCodes.Sexes));
            RuleFor(m => m.Health).Must(v => DomainCodes.Health.Contains(v)).When(m => m.Health is not null).WithMessage(DomainCodes.OneOf(DomainCodes.Health));
            RuleForEach(m => m.ChronicDiseases).Must(v => DomainCodes.ChronicDiseases.Contains(v)).WithMessage(DomainCodes.OneOf(DomainCodes.ChronicDiseases));
            RuleFor(m => m.DisabilityGrade).InclusiveBetween(1, 4).When(m => m.DisabilityGrade is not null).WithMessage("残疾等级应为 1 到 4");
            RuleFor(m => m.LaborCapacity).Must(v => DomainCodes.LaborCapacities.Contains(v)).When(m => m.LaborCapacity is not null)
                .WithMessage(DomainCodes.OneOf(DomainCodes.LaborCapacities));
            RuleFor(m => m.Employment!.Status).Must(v => DomainCodes.EmploymentStatuses.Contains(v)).When(m => m.Employment?.Status is not null)
                .WithMessage(DomainCodes.OneOf(DomainCodes.EmploymentStatuses)).OverridePropertyName("employment.status");
            RuleFor(m => m.Employment!.MonthsThisYear).InclusiveBetween(0, 12).When(m => m.Employment?.MonthsThisYear is not null)
                .WithMessage("本年就业月数应在 0 到 12 之间").OverridePropertyName("employment.monthsThisYear");
            RuleFor(m => m.Employment!.Place).Must(v => DomainCodes.EmploymentPlaces.Contains(v)).When(m => m.Employment?.Place is not null)
                .WithMessage(DomainCodes.OneOf(DomainCodes.EmploymentPlaces)).OverridePropertyName("employment.place");
            RuleFor(m => m.Schooling).Must(v => DomainCodes.Schooling.Contains(v)).When(m => m.Schooling is not null).WithMessage(DomainCodes.OneOf(DomainCodes.Schooling));
            RuleForEach(m => m.Assistance).Must(v => DomainCodes.Assistance.Contains(v)).WithMessage(DomainCodes.OneOf(DomainCodes.Assistance));
        }
    }

    private sealed class CaseValidator : AbstractValidator<CaseRecord>
    {
        public CaseValidator(DateOnly asOf)
        {
            RuleFor(c => c.OpenedOn).NotNull().WithMessage("缺少立案日期 openedOn").Must(d => d <= asOf).WithMessage(AfterAsOf(asOf));
            RuleForEach(c => c.Inclusion).ChildRules(step =>
            {
                step.RuleFor(s => s.Step).NotEmpty().WithMessage("缺少步骤名称")
                    .Must(s => DomainCodes.InclusionSteps.Contains(s)).When(s => s.Step is not null).WithMessage(DomainCodes.OneOf(DomainCodes.InclusionSteps));
                step.RuleFor(s => s.Date).NotNull().WithMessage("缺少步骤日期").Must(d => d <= asOf).WithMessage(AfterAsOf(asOf));
                step.RuleFor(s => s.Until).GreaterThanOrEqualTo(s => s.Date).When(s => s.Until is not null && s.Date is not null).WithMessage("公示截止日期早于开始日期");
            });
            RuleFor(c => c.Inclusion).Must(UniqueSteps).When(c => c.Inclusion is not null).WithMessage("同一步骤重复记录");
            RuleFor(c => c.PlanOn).Must(d => d <= asOf).When(c => c.PlanOn is not null).WithMessage(AfterAsOf(asOf));
            RuleForEach(c => c.Measures).ChildRules(measure =>
            {
                measure.RuleFor(m => m.Kind).NotEmpty().WithMessage("缺少措施类别")
                    .Must(k => DomainCodes.MeasureKinds.Contains(k)).When(m => m.Kind is not null).WithMessage(DomainCodes.OneOf(DomainCodes.MeasureKinds));
                measure.RuleFor(m => m.Date).NotNull().WithMessage("缺少措施日期").Must(d => d <= asOf).WithMessage(AfterAsOf(asOf));
            });
            When(c => c.Release is not null, () =>
            {
                RuleForEach(c => c.Release!.Steps).ChildRules(step =>
                {
                    step.RuleFor(s => s.Step).NotEmpty().WithMessage("缺少步骤名称")
                        .Must(s => DomainCodes.ReleaseSteps.Contains(s)).When(s => s.Step is not null).WithMessage(DomainCodes.OneOf(DomainCodes.ReleaseSteps));
                    step.RuleFor(s => s.Date).NotNull().WithMessage("缺少步骤日期").Must(d => d <= asOf).WithMessage(AfterAsOf(asOf));
                    step.RuleFor(s => s.Until).GreaterThanOrEqualTo(s => s.Date).When(s => s.Until is not null && s.Date is not null).WithMessage("公示截止日期早于开始日期");
                }).OverridePropertyName("release.steps");
                RuleFor(c => c.Release!.Steps).Must(UniqueSteps).When(c => c.Release!.Steps is not null).WithMessage("同一步骤重复记录")
                    .OverridePropertyName("release.steps");
                RuleForEach(c => c.Release!.Revisits).Must(d => d <= asOf).WithMessage(AfterAsOf(asOf)).OverridePropertyName("release.revisits");
            });
        }

        private static bool UniqueSteps(List<CaseStepRecord>? steps) =>
            steps is null || steps.Where(s => s.Step is not null).GroupBy(s => s.Step).All(g => g.Count() == 1);
    }
}
