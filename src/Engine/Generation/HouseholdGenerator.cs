using System.Globalization;
using Monitoring.Engine.Records;

namespace Monitoring.Engine.Generation;

/// <summary>
/// Synthetic household records for load tests and demonstrations: realistic mixes of categories, members,
/// incomes around the 6,000-yuan monitoring line, rigid expenditure, housing, water, events, helpers, visits and
/// monitoring cases in every procedure state. Every record passes <c>HouseholdRecordValidator</c> at as-of.
/// <para>
/// Deterministic for (seed, as-of, region, index): household <c>i</c> is the same whatever range is generated, so
/// callers may generate in parallel by index. Thread-safe (no mutable state).
/// </para>
/// <para>
/// Consecutive indices form blocks of <see cref="BlockSize"/> households in one village; each block's lifted and
/// monitored households are paired with that village's helpers in small groups, a few of them overloaded (more
/// than 4 monitored or 9 lifted households).
/// </para>
/// </summary>
public sealed class HouseholdGenerator
{
    /// <summary>Households per village block (consecutive indices share a village and its helpers).</summary>
    public const int BlockSize = 100;

    private const int MaxGroupsPerBlock = 20;
    private const long MonitoringLine = 6000;

    private const string Lifted = "lifted";
    private const string Monitored = "monitored";
    private const string Ordinary = "ordinary";

    private static readonly DateOnly EarliestAsOf = new(2003, 1, 1);
    private static readonly DateOnly LatestAsOf = new(2099, 12, 31);
    private static readonly string[] DeclarationKinds = ["self_declared", "self_declared", "self_declared", "department_warning", "department_warning"];
    private static readonly string[] AnyEventKinds = ["disaster", "disaster", "accident", "serious_illness", "job_loss", "price_drop", "price_drop", "self_declared", "department_warning"];
    private static readonly string[] HardshipKinds = ["serious_illness", "serious_illness", "accident", "disaster"];

    private readonly int _seed;
    private readonly DateOnly _asOf;
    private readonly GeneratorRegion _region;
    private readonly int _latestIncomeYear;

    public HouseholdGenerator(int seed, DateOnly asOf, GeneratorRegion? region = null)
    {
        region ??= GeneratorRegion.Zhenba;
        if (asOf < EarliestAsOf || asOf > LatestAsOf)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, "评估日应在 2003-01-01 至 2099-12-31 之间");
        }

        if (region.CountyCode is not { Length: 6 } code || !IsDigits(code))
        {
            throw new ArgumentException("县级行政区划代码应为 6 位数字", nameof(region));
        }

        if (region.Villages is null || region.Villages.Count == 0)
        {
            throw new ArgumentException("至少需要一个村", nameof(region));
        }

        foreach (var (_, _, villageCode) in region.Villages)
        {
            if (villageCode is not { Length: >= 6 and <= 12 } || !IsDigits(villageCode))
            {
                throw new ArgumentException($"村级行政区划代码应为 6 到 12 位数字：{villageCode}", nameof(region));
            }
        }

        _seed = seed;
        _asOf = asOf;
        _region = region;
        _latestIncomeYear = asOf > new DateOnly(asOf.Year, 9, 30) ? asOf.Year : asOf.Year - 1;
    }

    public int Seed => _seed;

    public DateOnly AsOf => _asOf;

    public GeneratorRegion Region => _region;

    /// <summary>Household number <paramref name="index"/> (0-based); its id is the county code and index + 1, e.g. <c>610728-000001</c>.</summary>
    public HouseholdRecord Generate(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var block = index / BlockSize;
        var (group, monitoredHeavy) = HelperGroupOf(block, (int)(index % BlockSize));
        var villageIndex = (int)(block % _region.Villages.Count);
        var (town, village, villageCode) = _region.Villages[villageIndex];
        var rng = new Random(GeneratorRandom.Mix(_seed, index, 0x484F_5553));

        var u = rng.NextDouble();
        var category = monitoredHeavy
            ? (u < 0.45 ? Monitored : u < 0.80 ? Lifted : Ordinary)
            : (u < 0.095 ? Monitored : u < 0.695 ? Lifted : Ordinary);
        string? monitoringType = null;
        if (category == Monitored)
        {
            u = rng.NextDouble();
            monitoringType = u < 0.40 ? "unstable" : u < 0.85 ? "marginal" : "hardship";
        }

        // Earlier cases of households not monitored now: released (most of them without risk today) or rejected.
        u = rng.NextDouble();
        var released = category != Monitored && u < (category == Lifted ? 0.05 : 0.03);
        var rejected = category != Monitored && !released && u < (category == Lifted ? 0.06 : 0.05);
        var clean = released && rng.Chance(0.75);
        var employmentShock = !clean && rng.Chance(category == Monitored ? 0.10 : 0.03);
        var roster = MemberFactory.Build(rng, _asOf, _region.CountyCode, employmentShock, allowUninsured: !clean);
        var household = new HouseholdRecord
        {
            Id = HouseholdId(index),
            Region = new RegionRecord
            {
                Province = _region.Province,
                County = _region.County,
                CountyCode = _region.CountyCode,
                Town = town,
                Village = village,
                VillageCode = villageCode,
            },
            Category = category,
            MonitoringType = monitoringType,
            SevereWaterShortageArea = villageIndex % 4 == 3,
            Members = roster.Members,
        };

        var perCapita = LatestPerCapita(rng, category, monitoringType, employmentShock);
        household.Incomes = Incomes(rng, roster, perCapita, category, monitoringType);
        Assistance(rng, roster, perCapita);

        // Case, events and the expenses they bring.
        var events = new List<EventRecord>(4);
        var expenses = new List<ExpenseRecord>(4);
        DateOnly? includedOn = null;
        var wasUnstable = false;
        if (category == Monitored)
        {
            household.Case = CaseFactory.Included(rng, _asOf, out var approved);
            includedOn = approved;
            var opened = household.Case.OpenedOn!.Value;
            if (monitoringType == "hardship")
            {
                var kind = rng.Pick(HardshipKinds);
                var date = opened.AddDays(-rng.Between(0, 20));
                events.Add(Event(rng, date, kind));
                ShockExpense(rng, expenses, roster, perCapita, kind, date, large: true);
            }
            else if (rng.Chance(0.3))
            {
                events.Add(Event(rng, opened, rng.Pick(DeclarationKinds)));
            }
        }

        RandomEvents(rng, events, expenses, roster, perCapita, clean);
        if (released)
        {
            household.Case = CaseFactory.Released(rng, _asOf, out _);
            wasUnstable = category == Lifted;
        }
        else if (rejected)
        {
            household.Case = CaseFactory.Rejected(rng, _asOf, null);
        }
        else if (category != Monitored)
        {
            if (LatestTrigger(events) is { } trigger && rng.Chance(0.45))
            {
                // The village responds to a shock or declaration: a case under way, or already rejected.
                var opened = trigger.AddDays(rng.Between(0, 10));
                opened = opened <= _asOf ? opened : _asOf;
                household.Case = _asOf.DayNumber - opened.DayNumber > 20 && rng.Chance(0.65)
                    ? CaseFactory.Rejected(rng, _asOf, opened)
                    : CaseFactory.InProgress(rng, _asOf, opened);
            }
            else if (rng.Chance(0.015))
            {
                var daysAgo = rng.Chance(0.8) ? rng.Between(0, 20) : rng.Between(21, 60);
                household.Case = CaseFactory.InProgress(rng, _asOf, _asOf.AddDays(-daysAgo));
            }
        }

        RoutineExpenses(rng, expenses, roster, perCapita, clean);
        events.Sort(static (a, b) => a.Date!.Value.CompareTo(b.Date!.Value));
        household.Events = events;
        household.Expenses = expenses;
        household.Housing = Housing(rng, clean);
        household.Water = Water(rng, household.SevereWaterShortageArea == true, clean);

        // Helper and visits.
        var visits = new List<DateOnly>(12);
        if (category != Ordinary)
        {
            var name = ChineseNames.Helper((block * MaxGroupsPerBlock) + group, _seed);
            var assigned = HelperAssignedOn(rng, household.Case, includedOn, monitoringType, wasUnstable);
            household.Helper = new HelperRecord { Name = name, AssignedOn = assigned };
            var irregular = rng.Chance(0.06);
            if (category == Monitored)
            {
                AddVisits(rng, visits, includedOn!.Value, monthly: true, irregular ? 0.4 : 0.02);
            }
            else
            {
                AddVisits(rng, visits, assigned, monthly: false, irregular ? 0.45 : 0.02);
            }
        }
        else if (rng.Chance(0.25))
        {
            var first = _asOf.AddDays(-rng.Between(0, 364));
            var second = _asOf.AddDays(-rng.Between(0, 364));
            visits.Add(first < second ? first : second);
            if (rng.Chance(0.4) && first != second)
            {
                visits.Add(first < second ? second : first);
            }
        }

        household.Visits = visits;
        Version11Fields.Add(new Random(GeneratorRandom.Mix(_seed, index, 0x5631_3131)), household, _asOf, includedOn,
            household.Helper?.Name ?? ChineseNames.Helper((block * MaxGroupsPerBlock) + group, _seed));
        return household;
    }

    /// <summary>Households 0 .. <paramref name="count"/> − 1, lazily.</summary>
    public IEnumerable<HouseholdRecord> GenerateMany(long count) => GenerateRange(0, count);

    /// <summary>Households <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> − 1, lazily.</summary>
    public IEnumerable<HouseholdRecord> GenerateRange(long first, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Iterate(first, count);

        IEnumerable<HouseholdRecord> Iterate(long start, long n)
        {
            for (var i = 0L; i < n; i++)
            {
                yield return Generate(start + i);
            }
        }
    }

    private string HouseholdId(long index) =>
        string.Concat(_region.CountyCode, "-", (index + 1).ToString("D6", CultureInfo.InvariantCulture));

    /// <summary>
    /// The helper group of a position in a village block. Groups are runs of 6–10 households; about one in five of the
    /// blocks has one run of 16–22 (a helper likely to exceed 9 lifted households) and about one in seven a run where
    /// monitored households are common (a helper likely to exceed 4 monitored households).
    /// </summary>
    private (int Group, bool MonitoredHeavy) HelperGroupOf(long block, int position)
    {
        var rng = new GeneratorRandom.SplitMix(((ulong)(uint)GeneratorRandom.Mix(_seed, block, 0x424C_4B53) << 32) | (uint)block);
        var heavyLifted = rng.NextDouble() < 0.2 ? rng.Between(0, 7) : -1;
        var heavyMonitored = rng.NextDouble() < 0.15 ? rng.Between(0, 7) : -1;
        var start = 0;
        for (var g = 0; g < MaxGroupsPerBlock - 1; g++)
        {
            var size = g == heavyLifted ? rng.Between(16, 22) : g == heavyMonitored ? rng.Between(8, 12) : rng.Between(6, 10);
            if (position < start + size)
            {
                return (g, g == heavyMonitored && g != heavyLifted);
            }

            start += size;
        }

        return (MaxGroupsPerBlock - 1, false);
    }

    /// <summary>Per-capita net income of the latest cycle: lognormal by category, with some just below and some exactly at the line.</summary>
    private static long LatestPerCapita(Random rng, string category, string? monitoringType, bool employmentShock)
    {
        var u = rng.NextDouble();
        if (u < 0.01)
        {
            return MonitoringLine;
        }

        if (u < 0.03)
        {
            return rng.Between(5500, (int)MonitoringLine - 1);
        }

        var (median, sigma) = category switch
        {
            Monitored => monitoringType == "hardship" ? (9500.0, 0.40) : (7600.0, 0.34),
            Lifted => (13500.0, 0.40),
            _ => (16000.0, 0.45),
        };
        var value = median * Math.Exp(sigma * rng.Normal()) * (employmentShock ? 0.8 : 1.0);
        return (long)Math.Round(Math.Clamp(value, 2500.0, 60000.0));
    }

    /// <summary>1–3 Oct–Sep income cycles, oldest first, ending on 30 September before as-of.</summary>
    private List<IncomeCycleRecord> Incomes(Random rng, MemberRoster roster, long latestPerCapita, string category, string? monitoringType)
    {
        var u = rng.NextDouble();
        var cycles = u < 0.80 ? 3 : u < 0.92 ? 2 : 1;
        Span<double> perCapita = stackalloc double[3];
        perCapita[0] = latestPerCapita;
        u = rng.NextDouble();
        var troubled = category == Monitored;
        if (u < (troubled ? 0.10 : 0.035))
        {
            // Fell two years running.
            perCapita[1] = perCapita[0] * rng.Uniform(1.04, 1.30);
            perCapita[2] = perCapita[1] * rng.Uniform(1.03, 1.25);
        }
        else if (u < (troubled ? (monitoringType == "hardship" ? 0.35 : 0.20) : 0.065))
        {
            // Sharp drop: the latest cycle is at most 70 % of the previous one.
            perCapita[1] = perCapita[0] / rng.Uniform(0.35, 0.69);
            perCapita[2] = perCapita[1] / (1 + Growth(rng));
        }
        else
        {
            perCapita[1] = perCapita[0] / (1 + Growth(rng));
            perCapita[2] = perCapita[1] / (1 + Growth(rng));
        }

        // Household shares of income: wage-earning households live on wages, others on production and transfers.
        var wage = roster.AnyEmployed ? rng.Uniform(0.45, 0.80) : rng.Uniform(0.0, 0.08);
        var production = rng.Uniform(0.08, 0.40);
        var transfer = category == Ordinary ? rng.Uniform(0.02, 0.10) : rng.Uniform(0.08, 0.25);
        var property = rng.Chance(0.3) ? rng.Uniform(0.005, 0.03) : 0.0;

        var list = new List<IncomeCycleRecord>(cycles);
        var size = roster.Count;
        Span<int> sizes = stackalloc int[3];
        sizes[0] = size;
        for (var k = 1; k < 3; k++)
        {
            sizes[k] = rng.Chance(0.92) ? sizes[k - 1] : Math.Max(1, sizes[k - 1] + (rng.Chance(0.5) ? 1 : -1));
        }

        for (var k = cycles - 1; k >= 0; k--)
        {
            var year = _latestIncomeYear - k;
            var net = k == 0 && latestPerCapita == MonitoringLine ? MonitoringLine * sizes[0] : (long)Math.Round(perCapita[k] * sizes[k]);
            var trend = 1 + (0.08 * k);
            list.Add(Cycle(rng, year, net, sizes[k],
                wage * rng.Uniform(0.9, 1.1), production * rng.Uniform(0.9, 1.1), transfer * trend * rng.Uniform(0.9, 1.1), property));
        }

        return list;
    }

    private static double Growth(Random rng) => Math.Clamp(0.08 + (0.06 * rng.Normal()), -0.25, 0.40);

    private static IncomeCycleRecord Cycle(Random rng, int year, long net, int size, double wageWeight, double productionWeight, double transferWeight, double propertyWeight)
    {
        var total = wageWeight + productionWeight + transferWeight + propertyWeight;
        var transfer = (long)Math.Round(net * transferWeight / total);
        var property = (long)Math.Round(net * propertyWeight / total);
        var productionNet = (long)Math.Round(net * productionWeight / total);
        var wage = net - transfer - property - productionNet;
        if (wage < 0)
        {
            productionNet += wage;
            wage = 0;
        }

        var cost = (long)Math.Round(Math.Max(0, productionNet) * rng.Uniform(0.25, 0.8));
        return new IncomeCycleRecord
        {
            Year = year,
            From = new DateOnly(year - 1, 10, 1),
            To = new DateOnly(year, 9, 30),
            Wage = wage,
            Production = productionNet + cost,
            Property = property,
            Transfer = transfer,
            ProductionCost = cost,
            Size = size,
        };
    }

    /// <summary>低保 / 特困 for most low-income households that cannot work (not all: SOC-ASSISTANCE-GAP), pensions, disability allowances.</summary>
    private static void Assistance(Random rng, MemberRoster roster, long perCapita)
    {
        var cannotWork = roster.Laborers == 0 || roster.AnyLost;
        var low = perCapita < 7000;
        var p = low && (cannotWork || roster.SeriousMember >= 0) ? 0.72 : low ? 0.12 : perCapita < 10000 && cannotWork ? 0.10 : 0.01;
        if (rng.Chance(p))
        {
            var tekun = roster.Count == 1 && roster.Ages[0] >= 60 && roster.Laborers == 0 && rng.Chance(0.6);
            foreach (var member in roster.Members)
            {
                member.Assistance!.Add(tekun ? "tekun" : "dibao");
            }
        }

        for (var i = 0; i < roster.Count; i++)
        {
            var member = roster.Members[i];
            if (member.DisabilityGrade is { } grade && rng.Chance(grade <= 2 ? 0.85 : 0.45))
            {
                member.Assistance!.Add("disability_allowance");
            }

            if (roster.Ages[i] >= 60 && rng.Chance(0.92))
            {
                member.Assistance!.Add("pension");
            }
        }
    }

    /// <summary>Events: recent shocks and declarations (within 90 days), older events; shocks bring expenses.</summary>
    private void RandomEvents(Random rng, List<EventRecord> events, List<ExpenseRecord> expenses, MemberRoster roster, long perCapita, bool clean)
    {
        if (!clean && rng.Chance(0.045))
        {
            var kind = rng.Pick(EventNotes.SuddenKinds);
            var date = _asOf.AddDays(-rng.Between(0, 90));
            events.Add(Event(rng, date, kind));
            if (rng.Chance(0.6))
            {
                ShockExpense(rng, expenses, roster, perCapita, kind, date, large: rng.Chance(0.3));
            }
        }

        if (rng.Chance(0.02))
        {
            events.Add(Event(rng, _asOf.AddDays(-rng.Between(0, 90)), "price_drop"));
        }

        if (!clean && rng.Chance(0.025))
        {
            events.Add(Event(rng, _asOf.AddDays(-rng.Between(0, 90)), rng.Pick(DeclarationKinds)));
        }

        if (rng.Chance(0.12))
        {
            var count = rng.Between(1, 2);
            for (var i = 0; i < count; i++)
            {
                var kind = rng.Pick(AnyEventKinds);
                var date = _asOf.AddDays(-rng.Between(91, 1000));
                events.Add(Event(rng, date, kind));
                if (kind is "disaster" or "accident" && rng.Chance(0.5))
                {
                    ShockExpense(rng, expenses, roster, perCapita, kind, date, large: false);
                }
            }
        }
    }

    /// <summary>The date of the latest sudden event or declaration within 90 days, if any.</summary>
    private DateOnly? LatestTrigger(List<EventRecord> events)
    {
        DateOnly? latest = null;
        var windowStart = _asOf.AddDays(-90);
        foreach (var e in events)
        {
            if (e.Kind is not "price_drop" && e.Date >= windowStart && (latest is null || e.Date > latest))
            {
                latest = e.Date;
            }
        }

        return latest;
    }

    private static EventRecord Event(Random rng, DateOnly date, string kind) => new() { Date = date, Kind = kind, Note = EventNotes.For(rng, kind) };

    /// <summary>The expense an event causes (hospital bills, repairs); skipped when the event is more than two years old.</summary>
    private void ShockExpense(Random rng, List<ExpenseRecord> expenses, MemberRoster roster, long perCapita, string kind, DateOnly date, bool large)
    {
        if (date < _asOf.AddYears(-2))
        {
            return;
        }

        var day = date.AddDays(rng.Between(0, 15));
        if (day > _asOf)
        {
            day = _asOf;
        }

        var member = roster.SeriousMember >= 0 ? roster.SeriousMember : rng.Next(roster.Count);
        var householdNet = perCapita * roster.Count;
        switch (kind)
        {
            case "serious_illness":
            {
                var amount = large ? Math.Max(rng.Between(40_000, 200_000), householdNet) : rng.Between(15_000, 80_000);
                Add(expenses, day, "medical", amount, rng.Uniform(0.45, 0.85), member);
                break;
            }

            case "accident":
                Add(expenses, day, rng.Chance(0.7) ? "accident" : "medical", rng.Between(3_000, large ? 90_000 : 40_000), rng.Uniform(0.1, 0.7), member);
                break;
            case "disaster":
                Add(expenses, day, "disaster", rng.Between(3_000, large ? 80_000 : 30_000), rng.Uniform(0.0, 0.4), -1);
                break;
            default:
                break;
        }
    }

    /// <summary>Routine medical and school expenses in the 12 months up to as-of, a few rigid-expenditure surges, some older bills.</summary>
    private void RoutineExpenses(Random rng, List<ExpenseRecord> expenses, MemberRoster roster, long perCapita, bool clean)
    {
        var n = roster.Count;
        if (rng.Chance(0.35))
        {
            var count = rng.Between(1, 2);
            for (var i = 0; i < count; i++)
            {
                Add(expenses, InWindow(rng), "medical", rng.Between(200, 6_000), rng.Uniform(0.5, 0.9), rng.Next(n));
            }
        }

        if (roster.ChronicMember >= 0 && rng.Chance(0.6))
        {
            Add(expenses, InWindow(rng), "medical", rng.Between(800, 9_000), rng.Uniform(0.6, 0.9), roster.ChronicMember);
        }

        if (roster.SeriousMember >= 0 && rng.Chance(clean ? 0.3 : 0.75))
        {
            Add(expenses, InWindow(rng), "medical", rng.Between(10_000, 120_000), rng.Uniform(clean ? 0.8 : 0.55, 0.9), roster.SeriousMember);
        }

        if (roster.SeniorStudent >= 0 && rng.Chance(0.4))
        {
            Add(expenses, InWindow(rng), "education", rng.Between(2_000, 9_000), rng.Uniform(0.0, 0.3), roster.SeniorStudent);
        }

        if (!clean && perCapita >= MonitoringLine && rng.Chance(0.01))
        {
            // A surge that takes the household below the line once its own share is deducted.
            var selfPay = ((perCapita - MonitoringLine) * n) + rng.Between(500, 15_000);
            var ratio = rng.Uniform(0.4, 0.75);
            var amount = (long)Math.Ceiling(selfPay / (1 - ratio));
            Add(expenses, InWindow(rng), rng.Chance(0.8) ? "medical" : "accident", amount, ratio, rng.Next(n));
        }

        if (rng.Chance(0.10))
        {
            Add(expenses, _asOf.AddDays(-rng.Between(370, 730)), "medical", rng.Between(1_000, 30_000), rng.Uniform(0.4, 0.85), rng.Next(n));
        }
    }

    /// <summary>A day in the 12 months up to as-of (as-of minus 12 months exclusive).</summary>
    private DateOnly InWindow(Random rng) => _asOf.AddDays(-rng.Between(0, 364));

    private static void Add(List<ExpenseRecord> expenses, DateOnly date, string kind, long amount, double reimbursedShare, int member)
    {
        expenses.Add(new ExpenseRecord
        {
            Date = date,
            Kind = kind,
            Amount = amount,
            Reimbursed = (long)Math.Floor(amount * Math.Clamp(reimbursedShare, 0.0, 1.0)),
            MemberId = member >= 0 ? MemberFactory.MemberId(member) : null,
        });
    }

    private HousingRecord Housing(Random rng, bool clean)
    {
        var u = clean ? rng.NextDouble() * 0.9 : rng.NextDouble();
        var safety = u < 0.53 ? "A" : u < 0.933 ? "B" : u < 0.958 ? "C" : u < 0.968 ? "D" : u < 0.98 ? "suspected" : "unknown";
        var appraised = safety.Length == 1;
        return new HousingRecord
        {
            Safety = safety,
            OnlyHouse = rng.Chance(safety is "C" or "D" ? 0.6 : 0.9),
            AppraisedOn = appraised ? _asOf.AddDays(-rng.Between(30, 2500)) : null,
        };
    }

    private static WaterRecord Water(Random rng, bool severeShortageArea, bool clean)
    {
        var piped = clean || rng.Chance(0.9);
        int fetch;
        if (piped)
        {
            fetch = 0;
        }
        else
        {
            var u = rng.NextDouble();
            fetch = u < 0.85 ? rng.Between(5, 19) : u < 0.88 ? 20 : rng.Between(21, 60);
        }

        var l = clean ? 1.0 : rng.NextDouble();
        var litres = l < 0.01 ? rng.Between(8, 19) : l < 0.02 ? 20 : rng.Between(35, 150);

        // Guarantee rate in thousandths: 0.95 is the general standard, 0.90 in severe water-shortage areas.
        var g = clean ? 0.5 : rng.NextDouble();
        int rate;
        if (severeShortageArea)
        {
            rate = g < 0.70 ? rng.Between(900, 949) : g < 0.95 ? rng.Between(950, 995) : rng.Between(850, 899);
        }
        else
        {
            rate = g < 0.012 ? rng.Between(850, 949) : g < 0.03 ? 950 : rng.Between(951, 1000);
        }

        return new WaterRecord
        {
            MeetsQualityStandard = clean || rng.Chance(0.985),
            LitresPerPersonDay = litres,
            PipedToHome = piped,
            FetchRoundTripMinutes = fetch,
            SupplyGuaranteeRate = rate / 1000m,
        };
    }

    /// <summary>
    /// Pairing date: long ago for lifted households (a few recent); for monitored ones around approval (mostly within
    /// the 10 working days, sometimes late), or before the case when the household was lifted before.
    /// </summary>
    private DateOnly HelperAssignedOn(Random rng, CaseRecord? record, DateOnly? includedOn, string? monitoringType, bool wasUnstable)
    {
        DateOnly assigned;
        if (includedOn is { } approved)
        {
            var opened = record!.OpenedOn!.Value;
            var u = rng.NextDouble();
            assigned = monitoringType == "unstable" ? opened.AddDays(-rng.Between(30, 1500))
                : u < 0.84 ? approved.AddDays(rng.Between(0, 8))
                : u < 0.94 ? opened.AddDays(-rng.Between(0, 5))
                : approved.AddDays(rng.Between(30, 60));
        }
        else if (wasUnstable && record?.OpenedOn is { } opened)
        {
            assigned = opened.AddDays(-rng.Between(30, 1500));
        }
        else
        {
            assigned = rng.Chance(0.95) ? _asOf.AddDays(-rng.Between(120, 2200)) : _asOf.AddDays(-rng.Between(1, 100));
        }

        return assigned <= _asOf ? assigned : _asOf;
    }

    /// <summary>One visit in each month (quarter) since <paramref name="from"/>, over the last 12 months, each missed with the given probability.</summary>
    private void AddVisits(Random rng, List<DateOnly> visits, DateOnly from, bool monthly, double missProbability)
    {
        var earliest = _asOf.AddMonths(-12);
        var start = from > earliest ? from : earliest;
        var months = monthly ? 1 : 3;
        var period = new DateOnly(start.Year, ((start.Month - 1) / months * months) + 1, 1);
        while (period <= _asOf)
        {
            var next = period.AddMonths(months);
            var lo = period > start ? period : start;
            var end = next.AddDays(-1);
            var hi = end < _asOf ? end : _asOf;
            if (lo <= hi && !rng.Chance(missProbability))
            {
                visits.Add(rng.DayBetween(lo, hi));
            }

            period = next;
        }
    }

    private static bool IsDigits(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
