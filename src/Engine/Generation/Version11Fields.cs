using Monitoring.Engine.Records;

namespace Monitoring.Engine.Generation;

/// <summary>
/// The optional fields of record format 1.1 for a generated household, drawn from their own random stream so the v1 fields
/// stay as they were: screenings, the year's exit plan, housing damage and repair, inpatient/outpatient settings, case risks and
/// reviews, pension insurance, disability subsidies, education aid and care groups. Each field is sometimes absent (the rules
/// then report "not evaluable") and sometimes incomplete or late, so every catalogue v2 rule fires on some households.
/// </summary>
internal static class Version11Fields
{
    private static readonly string[] CareKinds = ["left_behind_elderly", "left_behind_elderly", "left_behind_child", "orphan", "dispersed_tekun", "disabled_unsupported", "unsupported_child", "left_behind_woman"];
    private static readonly string[] IncomeRisks = ["industry", "employment", "illness", "education", "housing", "disability"];
    private static readonly string[] HardshipRisks = ["illness", "accident", "disaster"];

    public static void Add(Random rng, HouseholdRecord household, DateOnly asOf, DateOnly? includedOn, string helperName)
    {
        var lifted = household.Category == "lifted";
        var monitored = household.Category == "monitored";
        if (lifted && household.Helper is not null && rng.Chance(0.02))
        {
            household.Helper = null; // PROC-NO-HELPER
        }

        if (rng.Chance(0.92))
        {
            household.Screenings = Screenings(rng, asOf);
        }

        if (lifted && household.Incomes is { Count: > 0 } incomes && rng.Chance(PerCapita(incomes[^1]) < 4000m ? 0.5 : 0.08))
        {
            household.ExitPlan = new ExitPlanRecord { Year = incomes[^1].Year, ViaIndustry = rng.Chance(0.6) };
            if (household.ExitPlan.ViaIndustry == true && rng.Chance(0.25))
            {
                // A planned industry exit that falls short of the exit income (EXIT-INDUSTRY-INCOME).
                var latest = incomes[^1];
                var size = Math.Max(1, latest.Size ?? 1);
                latest.Wage = 0;
                latest.Property = 0;
                latest.ProductionCost = 0;
                latest.Transfer = 400m * size;
                latest.Production = (rng.Between(2500, 3070) - 400m) * size;
            }
        }

        foreach (var e in household.Events ?? [])
        {
            if (e.Kind == "disaster" && e.Date is { } date && rng.Chance(0.5))
            {
                e.HousingDamage = rng.Chance(0.2) ? "destroyed" : "damaged";
                var due = new DateOnly(date.Year, 10, 31);
                due = date > due ? due.AddYears(1) : due;
                var u = rng.NextDouble();
                var repaired = u < 0.75 ? rng.DayBetween(date, due < asOf ? due : asOf) : u < 0.87 ? due.AddDays(rng.Between(1, 60)) : (DateOnly?)null;
                e.HousingRepairedOn = repaired is { } r && r <= asOf ? r : null;
            }
        }

        foreach (var e in household.Expenses ?? [])
        {
            if (e.Kind == "medical" && rng.Chance(0.9))
            {
                e.Setting = rng.Chance(0.7) ? "inpatient" : "outpatient";
            }
        }

        if (household.Case is { } procedure && includedOn is { } approved)
        {
            if (rng.Chance(0.85))
            {
                var kinds = household.MonitoringType == "hardship" ? HardshipRisks : IncomeRisks;
                var count = rng.Between(1, 2);
                procedure.Risks = [.. Enumerable.Range(0, count).Select(_ => rng.Pick(kinds)).Distinct()
                    .Select(k => new CaseRiskRecord { Kind = k, IdentifiedOn = procedure.OpenedOn })];
            }

            if (rng.Chance(0.85))
            {
                procedure.Reviews = Quarterly(rng, approved, asOf, rng.Chance(0.1) ? 0.5 : 0.05);
            }
        }

        if (household.Case?.Release?.Steps?.FirstOrDefault(s => s.Step == "village_notice") is { Date: { } noticeFrom } notice && rng.Chance(0.08))
        {
            notice.Until = rng.Chance(0.5) ? null : noticeFrom.AddDays(rng.Between(0, 3)); // PROC-RELEASE-NOTICE-SHORT
        }

        var openMonitored = monitored && household.Case?.Release?.Steps?.Any(s => s.Step == "county_announcement") != true;
        foreach (var member in household.Members ?? [])
        {
            Member(rng, member, asOf, lifted || monitored, openMonitored || lifted || household.MonitoringType == "unstable", helperName);
        }
    }

    private static decimal PerCapita(IncomeCycleRecord cycle) =>
        ((cycle.Wage ?? 0) + (cycle.Production ?? 0) + (cycle.Property ?? 0) + (cycle.Transfer ?? 0) - (cycle.ProductionCost ?? 0)) / Math.Max(1, cycle.Size ?? 1);

    private static void Member(Random rng, MemberRecord member, DateOnly asOf, bool supported, bool educationPopulation, string helperName)
    {
        var age = member.BirthDate is { } birth ? asOf.Year - birth.Year - (asOf.DayOfYear < birth.DayOfYear ? 1 : 0) : 0;
        var assistance = member.Assistance ?? [];
        if (age is >= 14 and <= 62 && rng.Chance(0.9))
        {
            var difficult = assistance.Contains("dibao") || assistance.Contains("tekun") || member.DisabilityGrade is 1 or 2 || supported;
            var enrolled = rng.Chance(0.93);
            member.PensionInsurance = new PensionInsuranceRecord
            {
                Year = asOf.Year,
                Enrolled = enrolled,
                Subsidised = enrolled && rng.Chance(difficult ? 0.85 : 0.1),
            };
        }

        if (member.DisabilityGrade is { } grade && rng.Chance(0.6))
        {
            member.DisabilitySubsidies = new DisabilitySubsidiesRecord { Living = rng.Chance(0.8), Nursing = grade <= 2 && rng.Chance(0.85) };
        }

        if (educationPopulation && member.Schooling is "enrolled" or "home_teaching" && rng.Chance(0.88))
        {
            var aid = new List<EducationAidRecord>();
            for (var year = asOf.Year - 1; year <= asOf.Year; year++)
            {
                foreach (var (term, deadline) in new[] { ($"{year}-spring", new DateOnly(year, 6, 30)), ($"{year}-autumn", new DateOnly(year, 12, 31)) })
                {
                    var opens = deadline.AddMonths(-5);
                    if (opens <= asOf && rng.Chance(0.92))
                    {
                        aid.Add(new EducationAidRecord { Term = term, PaidOn = rng.DayBetween(opens, deadline < asOf ? deadline : asOf) });
                    }
                }
            }

            member.EducationAid = aid;
        }

        if ((age >= 70 || age < 16) && rng.Chance(0.04))
        {
            var special = rng.Chance(0.2);
            member.CareGroup = new CareGroupRecord
            {
                Kind = age >= 70 ? rng.Pick(CareKinds[..2]) : rng.Pick(CareKinds[2..]),
                Level = special ? "special" : "general",
                Helper = rng.Chance(0.92) ? helperName : null,
                Visits = CareVisits(rng, asOf, special),
            };
        }
    }

    /// <summary>A 集中排查 date in most of the half-year windows of the last two years (Jan–May, Jun–Oct).</summary>
    private static List<DateOnly> Screenings(Random rng, DateOnly asOf)
    {
        var dates = new List<DateOnly>();
        for (var year = asOf.Year - 1; year <= asOf.Year; year++)
        {
            foreach (var (from, to) in new[] { (new DateOnly(year, 1, 1), new DateOnly(year, 5, 31)), (new DateOnly(year, 6, 1), new DateOnly(year, 10, 31)) })
            {
                if (from <= asOf && rng.Chance(0.94))
                {
                    dates.Add(rng.DayBetween(from, to < asOf ? to : asOf));
                }
            }
        }

        return dates;
    }

    /// <summary>One review in each quarter since approval, each missed with the given probability.</summary>
    private static List<DateOnly> Quarterly(Random rng, DateOnly approved, DateOnly asOf, double missProbability)
    {
        var dates = new List<DateOnly>();
        var quarter = new DateOnly(approved.Year, ((approved.Month - 1) / 3 * 3) + 1, 1);
        for (; quarter <= asOf; quarter = quarter.AddMonths(3))
        {
            var lo = quarter > approved ? quarter : approved;
            var end = quarter.AddMonths(3).AddDays(-1);
            var hi = end < asOf ? end : asOf;
            if (lo <= hi && !rng.Chance(missProbability))
            {
                dates.Add(rng.DayBetween(lo, hi));
            }
        }

        return dates;
    }

    /// <summary>Care visits over the last three months: twice a month (general) or weekly (special), some missed.</summary>
    private static List<DateOnly> CareVisits(Random rng, DateOnly asOf, bool special)
    {
        var dates = new List<DateOnly>();
        var miss = rng.Chance(0.15) ? 0.5 : 0.05;
        var step = special ? 7 : 15;
        for (var day = asOf.AddMonths(-3); day <= asOf; day = day.AddDays(step))
        {
            if (!rng.Chance(miss))
            {
                var visit = day.AddDays(rng.Between(0, step - 1));
                dates.Add(visit <= asOf ? visit : asOf);
            }
        }

        return [.. dates.Distinct().Order()];
    }
}
