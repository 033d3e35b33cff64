using Monitoring.Engine.Records;
using Monitoring.Rules.Expressions;
using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Facts;

/// <summary>
/// Builds what the rules see from a validated record at one evaluation date. With a "known on" date, keeps
/// only data dated on or before it (income cycles that ended by then, expenses, events, visits, steps),
/// which is how a release is re-examined as of its announcement date.
/// </summary>
public static class HouseholdFactsBuilder
{
    private static readonly RuleFunctions Dates = new(Monitoring.Rules.Calendars.WorkingDayCalendar.WeekendsOnly);

    public static HouseholdFacts Build(HouseholdRecord record, DateOnly asOf) => Build(record, asOf, restrictToKnown: false);

    private static HouseholdFacts Build(HouseholdRecord record, DateOnly asOf, bool restrictToKnown)
    {
        bool Known(DateOnly? date) => !restrictToKnown || (date is { } d && d <= asOf);

        var incomes = (record.Incomes ?? [])
            .Where(c => !restrictToKnown || c.To <= asOf)
            .Select(c => new IncomeCycleFacts
            {
                Year = c.Year ?? 0,
                From = c.From ?? default,
                To = c.To ?? default,
                Wage = c.Wage ?? 0,
                Production = c.Production ?? 0,
                Property = c.Property ?? 0,
                Transfer = c.Transfer ?? 0,
                ProductionCost = c.ProductionCost ?? 0,
                Size = c.Size ?? 1,
            })
            .OrderBy(c => c.To).ThenBy(c => c.Year)
            .ToList();

        var members = (record.Members ?? []).Select(m => new MemberFacts
        {
            Id = m.Id ?? "",
            Name = m.Name ?? "",
            Relation = m.Relation ?? "other",
            BirthDate = m.BirthDate ?? default,
            Age = Dates.AgeAt(m.BirthDate ?? default, asOf),
            Health = m.Health ?? "healthy",
            ChronicDiseases = m.ChronicDiseases ?? [],
            FamilyDoctorContract = m.FamilyDoctorContract ?? false,
            DisabilityGrade = m.DisabilityGrade,
            LaborCapacity = m.LaborCapacity ?? "none",
            EmploymentStatus = m.Employment?.Status ?? "not_in_labor_force",
            EmploymentMonthsThisYear = m.Employment?.MonthsThisYear ?? 0,
            Schooling = m.Schooling ?? "not_applicable",
            MedicalInsurance = m.MedicalInsurance ?? true,
            Assistance = m.Assistance ?? [],
        }).ToList();

        var facts = new HouseholdFacts
        {
            Id = record.Id ?? "",
            CountyCode = record.Region?.CountyCode ?? "",
            VillageCode = record.Region?.VillageCode ?? "",
            Category = record.Category ?? "ordinary",
            MonitoringType = record.MonitoringType,
            SevereWaterShortageArea = record.SevereWaterShortageArea ?? false,
            AsOf = asOf,
            Members = members,
            Incomes = incomes,
            Expenses = [.. (record.Expenses ?? []).Where(e => Known(e.Date)).Select(e => new ExpenseFacts
            {
                Date = e.Date ?? default,
                Kind = e.Kind ?? "",
                Amount = e.Amount ?? 0,
                Reimbursed = e.Reimbursed ?? 0,
                MemberId = e.MemberId,
            })],
            Housing = record.Housing is null ? null : new HousingFacts
            {
                Safety = record.Housing.Safety ?? "unknown",
                OnlyHouse = record.Housing.OnlyHouse ?? false,
                AppraisedOn = record.Housing.AppraisedOn,
            },
            Water = record.Water is null ? null : new WaterFacts
            {
                MeetsQualityStandard = record.Water.MeetsQualityStandard ?? true,
                LitresPerPersonDay = record.Water.LitresPerPersonDay ?? decimal.MaxValue,
                PipedToHome = record.Water.PipedToHome ?? true,
                FetchRoundTripMinutes = record.Water.FetchRoundTripMinutes ?? 0,
                SupplyGuaranteeRate = record.Water.SupplyGuaranteeRate ?? 1,
            },
            Events = [.. (record.Events ?? []).Where(e => Known(e.Date)).Select(e => new EventFacts
            {
                Date = e.Date ?? default,
                Kind = e.Kind ?? "",
                Note = e.Note ?? "",
                DaysAgo = asOf.DayNumber - (e.Date ?? default).DayNumber,
            })],
            Helper = record.Helper is { } helper && Known(helper.AssignedOn)
                ? new HelperFacts { Name = helper.Name ?? "", AssignedOn = helper.AssignedOn ?? default }
                : null,
            Visits = [.. (record.Visits ?? []).Where(v => Known(v)).Order()],
            Case = record.Case is { } c && Known(c.OpenedOn) ? BuildCase(c, Known) : null,
            AsKnownOn = restrictToKnown ? null : date => Build(record, date, restrictToKnown: true),
        };
        return facts;
    }

    private static CaseFacts BuildCase(CaseRecord record, Func<DateOnly?, bool> known) => new()
    {
        OpenedOn = record.OpenedOn ?? default,
        Inclusion = [.. (record.Inclusion ?? []).Where(s => known(s.Date)).Select(Step)],
        PlanOn = known(record.PlanOn) ? record.PlanOn : null,
        Measures = [.. (record.Measures ?? []).Where(m => known(m.Date)).Select(m => new MeasureFacts { Kind = m.Kind ?? "", Date = m.Date ?? default })],
        Release = [.. (record.Release?.Steps ?? []).Where(s => known(s.Date)).Select(Step)],
        Revisits = [.. (record.Release?.Revisits ?? []).Where(v => known(v)).Order()],
    };

    private static CaseStepFacts Step(CaseStepRecord s) => new() { Step = s.Step ?? "", Date = s.Date ?? default, Until = s.Until };
}
