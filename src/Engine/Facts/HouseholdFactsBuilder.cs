using Monitoring.Engine.Department;
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
    private static readonly RuleFunctions Calendar = new(Monitoring.Rules.Calendars.WorkingDayCalendar.WeekendsOnly);

    public static HouseholdFacts Build(HouseholdRecord record, DateOnly asOf) => Build(record, asOf, restrictToKnown: false, null);

    /// <summary>With what the county's department rosters (and other households) say about it (department-data.md).</summary>
    public static HouseholdFacts Build(HouseholdRecord record, DateOnly asOf, DepartmentContext? department) =>
        Build(record, asOf, restrictToKnown: false, department);

    private static HouseholdFacts Build(HouseholdRecord record, DateOnly asOf, bool restrictToKnown, DepartmentContext? department)
    {
        bool Known(DateOnly? date) => !restrictToKnown || (date is { } d && d <= asOf);
        var members = Members(record.Members, asOf);

        return new HouseholdFacts
        {
            Id = record.Id ?? "",
            CountyCode = record.Region?.CountyCode ?? "",
            VillageCode = record.Region?.VillageCode ?? "",
            Category = record.Category ?? "ordinary",
            MonitoringType = record.MonitoringType,
            SevereWaterShortageArea = record.SevereWaterShortageArea ?? false,
            AsOf = asOf,
            Members = members,
            Department = department is null ? DepartmentFacts.None(asOf) : DepartmentFactsBuilder.Build(record, members, asOf, department),
            Incomes = Incomes(record.Incomes, asOf, restrictToKnown),
            Expenses = Expenses(record.Expenses, Known),
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
            Events = Events(record.Events, asOf, Known),
            Helper = record.Helper is { } helper && Known(helper.AssignedOn)
                ? new HelperFacts { Name = helper.Name ?? "", AssignedOn = helper.AssignedOn ?? default }
                : null,
            Visits = Dates(record.Visits, Known),
            Case = record.Case is { } c && Known(c.OpenedOn) ? BuildCase(c, Known) : null,
            Screenings = record.Screenings is null ? null : Dates(record.Screenings, Known),
            ExitPlan = record.ExitPlan is { } exitPlan ? new ExitPlanFacts { Year = exitPlan.Year ?? 0, ViaIndustry = exitPlan.ViaIndustry ?? false } : null,
            AsKnownOn = restrictToKnown ? null : date => Build(record, date, restrictToKnown: true, null),
        };
    }

    private static MemberFacts[] Members(List<MemberRecord>? records, DateOnly asOf)
    {
        if (records is null || records.Count == 0)
        {
            return [];
        }

        var members = new MemberFacts[records.Count];
        for (var i = 0; i < members.Length; i++)
        {
            var m = records[i];
            members[i] = new MemberFacts
            {
                Id = m.Id ?? "",
                Name = m.Name ?? "",
                Relation = m.Relation ?? "other",
                BirthDate = m.BirthDate ?? default,
                Age = Calendar.AgeAt(m.BirthDate ?? default, asOf),
                Health = m.Health ?? "healthy",
                ChronicDiseases = (IReadOnlyList<string>?)m.ChronicDiseases ?? [],
                FamilyDoctorContract = m.FamilyDoctorContract ?? false,
                DisabilityGrade = m.DisabilityGrade,
                LaborCapacity = m.LaborCapacity ?? "none",
                EmploymentStatus = m.Employment?.Status ?? "not_in_labor_force",
                EmploymentMonthsThisYear = m.Employment?.MonthsThisYear ?? 0,
                Schooling = m.Schooling ?? "not_applicable",
                MedicalInsurance = m.MedicalInsurance ?? true,
                Assistance = (IReadOnlyList<string>?)m.Assistance ?? [],
                Pension = m.PensionInsurance is { } pension
                    ? new PensionFacts { Year = pension.Year, Enrolled = pension.Enrolled ?? false, Subsidised = pension.Subsidised ?? false }
                    : null,
                DisabilitySubsidies = m.DisabilitySubsidies is { } subsidies
                    ? new DisabilitySubsidyFacts { Living = subsidies.Living ?? false, Nursing = subsidies.Nursing ?? false }
                    : null,
                EducationAidTerms = m.EducationAid is { } aid ? [.. aid.Select(a => a.Term ?? "")] : null,
                CareGroup = m.CareGroup is { } care
                    ? new CareGroupFacts { Kind = care.Kind ?? "other", Level = care.Level ?? "general", Helper = care.Helper?.Trim() ?? "", Visits = Dates(care.Visits, _ => true) }
                    : null,
            };
        }

        return members;
    }

    private static IReadOnlyList<IncomeCycleFacts> Incomes(List<IncomeCycleRecord>? records, DateOnly asOf, bool restrictToKnown)
    {
        if (records is null || records.Count == 0)
        {
            return [];
        }

        var incomes = new List<IncomeCycleFacts>(records.Count);
        var ordered = true;
        foreach (var c in records)
        {
            if (restrictToKnown && !(c.To <= asOf))
            {
                continue;
            }

            var cycle = new IncomeCycleFacts
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
            };
            if (incomes.Count > 0 && CompareCycles(incomes[^1], cycle) > 0)
            {
                ordered = false;
            }

            incomes.Add(cycle);
        }

        if (!ordered)
        {
            incomes.Sort(CompareCycles);
        }

        return incomes;
    }

    /// <summary>Oldest first: by the end of the cycle, then its year; a stable order for equal keys.</summary>
    private static int CompareCycles(IncomeCycleFacts a, IncomeCycleFacts b)
    {
        var byEnd = a.To.CompareTo(b.To);
        return byEnd != 0 ? byEnd : a.Year.CompareTo(b.Year);
    }

    private static IReadOnlyList<ExpenseFacts> Expenses(List<ExpenseRecord>? records, Func<DateOnly?, bool> known)
    {
        if (records is null || records.Count == 0)
        {
            return [];
        }

        var expenses = new List<ExpenseFacts>(records.Count);
        foreach (var e in records)
        {
            if (known(e.Date))
            {
                expenses.Add(new ExpenseFacts { Date = e.Date ?? default, Kind = e.Kind ?? "", Amount = e.Amount ?? 0, Reimbursed = e.Reimbursed ?? 0, MemberId = e.MemberId, Setting = e.Setting });
            }
        }

        return expenses;
    }

    private static IReadOnlyList<EventFacts> Events(List<EventRecord>? records, DateOnly asOf, Func<DateOnly?, bool> known)
    {
        if (records is null || records.Count == 0)
        {
            return [];
        }

        var events = new List<EventFacts>(records.Count);
        foreach (var e in records)
        {
            if (known(e.Date))
            {
                var date = e.Date ?? default;
                events.Add(new EventFacts
                {
                    Date = date,
                    Kind = e.Kind ?? "",
                    Note = e.Note ?? "",
                    DaysAgo = asOf.DayNumber - date.DayNumber,
                    HousingDamage = e.HousingDamage,
                    HousingRepairedOn = known(e.HousingRepairedOn) ? e.HousingRepairedOn : null,
                });
            }
        }

        return events;
    }

    private static IReadOnlyList<DateOnly> Dates(List<DateOnly>? records, Func<DateOnly?, bool> known)
    {
        if (records is null || records.Count == 0)
        {
            return [];
        }

        var dates = new List<DateOnly>(records.Count);
        foreach (var date in records)
        {
            if (known(date))
            {
                dates.Add(date);
            }
        }

        dates.Sort();
        return dates;
    }

    private static CaseFacts BuildCase(CaseRecord record, Func<DateOnly?, bool> known) => new()
    {
        OpenedOn = record.OpenedOn ?? default,
        Inclusion = [.. (record.Inclusion ?? []).Where(s => known(s.Date)).Select(Step)],
        PlanOn = known(record.PlanOn) ? record.PlanOn : null,
        Measures = [.. (record.Measures ?? []).Where(m => known(m.Date)).Select(m => new MeasureFacts { Kind = m.Kind ?? "", Date = m.Date ?? default })],
        Release = [.. (record.Release?.Steps ?? []).Where(s => known(s.Date)).Select(Step)],
        Revisits = Dates(record.Release?.Revisits, known),
        RiskKinds = record.Risks is { } risks ? [.. risks.Where(r => r.IdentifiedOn is null || known(r.IdentifiedOn)).Select(r => r.Kind ?? "other")] : null,
        Reviews = record.Reviews is { } reviews ? Dates(reviews, known) : null,
    };

    private static CaseStepFacts Step(CaseStepRecord s) => new() { Step = s.Step ?? "", Date = s.Date ?? default, Until = s.Until };
}
