using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Engine.Findings;
using Monitoring.Engine.Records;
using Monitoring.Rules.Calendars;
using Monitoring.Rules.Catalog;

namespace Monitoring.Engine.Evaluation;

/// <summary>
/// The next date on which a household's outcome can differ from the one just computed, with unchanged data and
/// rules, so an incremental run can leave it alone until then. Conservative (an early date only costs a
/// re-evaluation that changes nothing), and derived from the rule set's parameters rather than from each rule:
/// <list type="bullet">
/// <item>the first day of the next month (visit months and quarters, years, income cycles);</item>
/// <item>a member's next birthday when the age reached is one an age test compares with (every 周岁-typed
/// parameter value and every number an expression compares <c>Age</c> with, and the year after each), or any
/// birthday when a fired rule reports a member's age;</item>
/// <item>every date in the record, and the day after it (data dated after the as-of becomes known);</item>
/// <item>event dates plus every days-typed parameter (event window, grace period…); expense dates plus 12 months
/// (the rolling expenditure window); the dates the procedure deadlines count from — case opening, county approval,
/// the decision not to include, the release announcement — plus every days-, months- and working-days-typed
/// parameter (identification, plan, measures, revisit deadlines) — each also plus one day, for strict comparisons;</item>
/// <item>tomorrow, when a rule that fired reports a value that moves every day (days since an event).</item>
/// </list>
/// Changes of rules, parameters, calendars or the engine itself force a full run instead (see the nightly runner).
/// The five-week incremental-versus-full test in the store tests guards this list against new rules.
/// </summary>
public sealed partial class OutcomeHorizon
{
    private const int RollingWindowMonths = 12;

    private readonly int[] _days;
    private readonly int[] _months;
    private readonly int[] _workingDays;
    private readonly int _reachDays;
    private readonly HashSet<string> _dailyRules;
    private readonly HashSet<string> _ageRules;
    private readonly HashSet<int> _ageBoundaries = [];
    private readonly WorkingDayCalendar _calendar;
    private readonly (int Month, int Day)[] _yearlyBoundaries;
    private readonly bool _halfMonths;
    private readonly bool _weeks;

    public OutcomeHorizon(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _calendar = ruleSet.Calendar;
        var days = new SortedSet<int>();
        var months = new SortedSet<int> { RollingWindowMonths };
        var workingDays = new SortedSet<int>();
        foreach (var layer in ruleSet.Parameters.Layers)
        {
            foreach (var (name, values) in layer.Values)
            {
                if (!ruleSet.Parameters.Definitions.TryGetValue(name, out var definition))
                {
                    continue;
                }

                if (definition.Unit == "周岁")
                {
                    foreach (var value in values)
                    {
                        if (int.TryParse(value.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age))
                        {
                            _ageBoundaries.Add(age);
                            _ageBoundaries.Add(age + 1);
                        }
                    }
                }

                var target = definition.Type switch
                {
                    "days" => days,
                    "months" => months,
                    "int" when definition.Unit == "工作日" => workingDays,
                    _ => null,
                };
                if (target is null)
                {
                    continue;
                }

                foreach (var value in values)
                {
                    if (int.TryParse(value.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0)
                    {
                        target.Add(n);
                    }
                }
            }
        }

        _days = [.. days];
        _months = [.. months];
        _workingDays = [.. workingDays];
        // How far after a date its last candidate can lie: beyond that, an old date cannot move the horizon.
        _reachDays = Math.Max(_days.DefaultIfEmpty(0).Max(), Math.Max(_months.Max() * 31, _workingDays.DefaultIfEmpty(0).Max() * 3 + 30)) + 2;
        _dailyRules = [.. ruleSet.Rules.Where(r => r.AllValues().Any(v => VariesDaily(v.Expression))).Select(r => r.Id)];
        var expressions = ruleSet.Rules.SelectMany(r => r.Root.DescendantsAndSelf()).Select(n => n.Expression ?? "").ToList();
        _halfMonths = expressions.Any(e => e.Contains("\"halfmonth\"", StringComparison.Ordinal));
        _weeks = expressions.Any(e => e.Contains("\"week\"", StringComparison.Ordinal));
        _yearlyBoundaries = [.. YearlyBoundaries(ruleSet, expressions)];
        _ageRules = [.. ruleSet.Rules.Where(r => r.AllValues().Any(v => v.Expression.Contains("Age", StringComparison.Ordinal))).Select(r => r.Id)];
        foreach (var node in ruleSet.Rules.SelectMany(r => r.Root.DescendantsAndSelf()))
        {
            foreach (Match match in AgeComparison().Matches(node.Expression ?? ""))
            {
                var age = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                _ageBoundaries.Add(age);
                _ageBoundaries.Add(age + 1);
            }
        }
    }

    /// <summary>
    /// Fixed days of the year on which a rolling "12 months up to as-of" window lets a deadline go (the deadline itself, a year
    /// on): the ends of the screening windows (PROC-MASS-SCREEN-MISSING) and the education-aid term deadlines 06-30 and 12-31
    /// (EDU-AID-MISSING). The day after each deadline is the first of a month, which every household already considers.
    /// </summary>
    private static IEnumerable<(int Month, int Day)> YearlyBoundaries(RuleSet ruleSet, List<string> expressions)
    {
        var boundaries = new HashSet<(int, int)>();
        if (ruleSet.Parameters.Definitions.ContainsKey("screeningWindows"))
        {
            foreach (var layer in ruleSet.Parameters.Layers)
            {
                if (layer.Values.TryGetValue("screeningWindows", out var values))
                {
                    foreach (var value in values)
                    {
                        foreach (var window in Monitoring.Rules.Expressions.RuleFunctions.ParseWindows(value.Value))
                        {
                            boundaries.Add((window.EndMonth, window.EndDay));
                        }
                    }
                }
            }
        }

        if (expressions.Any(e => e.Contains("fn.MissesTerm(", StringComparison.Ordinal)))
        {
            boundaries.Add((6, 30));
            boundaries.Add((12, 31));
        }

        return boundaries.Order();
    }

    /// <summary>Rules whose reported values move every day while they fire (so a household they fire for is re-evaluated nightly).</summary>
    public IReadOnlySet<string> DailyRules => _dailyRules;

    /// <summary>The next date after <paramref name="asOf"/> on which the outcome can change.</summary>
    public DateOnly NextChange(HouseholdRecord record, ReadOnlySpan<byte> recordJson, IReadOnlyList<Finding> findings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(findings);
        var tomorrow = asOf.AddDays(1);
        var everyBirthday = false;
        foreach (var finding in findings)
        {
            if (_dailyRules.Contains(finding.RuleId))
            {
                return tomorrow;
            }

            everyBirthday |= _ageRules.Contains(finding.RuleId);
        }

        var next = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
        foreach (var (month, day) in _yearlyBoundaries)
        {
            next = Earlier(next, new DateOnly(asOf.Year, month, Math.Min(day, DateTime.DaysInMonth(asOf.Year, month))), asOf);
        }

        if (_halfMonths && asOf.Day < 16 && record.Case is not null)
        {
            // Half-months (PROC-KEY-SCREEN-OVERDUE): the 16th begins the second half of the month.
            next = Earlier(next, new DateOnly(asOf.Year, asOf.Month, 16), asOf);
        }

        if (_weeks && record.Members is { } members && members.Any(m => m?.CareGroup is not null))
        {
            // Weeks (CARE-VISIT-OVERDUE): the next Monday begins a new week.
            next = Earlier(next, asOf.AddDays(7 - (((int)asOf.DayOfWeek + 6) % 7)), asOf);
        }
        var reader = new Utf8JsonReader(recordJson);
        var birthDate = false;
        var section = Section.Other;
        while (reader.Read() && next > tomorrow)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    if (reader.CurrentDepth == 1)
                    {
                        section = reader.ValueTextEquals("events"u8) ? Section.Events
                            : reader.ValueTextEquals("expenses"u8) ? Section.Expenses
                            : Section.Other;
                    }

                    birthDate = reader.ValueTextEquals("birthDate"u8);
                    break;
                case JsonTokenType.String:
                    if (reader.ValueSpan.Length == 10 && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        next = birthDate ? ConsiderBirthday(date, asOf, next, everyBirthday) : Consider(date, section, asOf, next);
                    }

                    birthDate = false;
                    break;
                default:
                    birthDate = false;
                    break;
            }
        }

        if (record.Case is { } procedure)
        {
            foreach (var anchor in DeadlineAnchors(procedure))
            {
                next = ConsiderDeadlines(anchor, asOf, next);
            }
        }

        return next;
    }

    /// <summary>The dates the procedure rules count deadlines from (openedOn, county approval, rejection, release announcement).</summary>
    private static IEnumerable<DateOnly> DeadlineAnchors(CaseRecord procedure)
    {
        if (procedure.OpenedOn is { } opened)
        {
            yield return opened;
        }

        foreach (var step in procedure.Inclusion ?? [])
        {
            if (step is { Step: "county_approval" or "rejected", Date: { } date })
            {
                yield return date;
            }
        }

        foreach (var step in procedure.Release?.Steps ?? [])
        {
            if (step is { Step: "county_announcement", Date: { } date })
            {
                yield return date;
            }
        }
    }

    private DateOnly ConsiderDeadlines(DateOnly date, DateOnly asOf, DateOnly next)
    {
        if (date.AddDays(_reachDays) <= asOf)
        {
            return next;
        }

        next = AfterDays(date, asOf, next);
        foreach (var n in _months)
        {
            next = EarlierPair(next, date.AddMonths(n), asOf);
        }

        foreach (var n in _workingDays)
        {
            try
            {
                next = EarlierPair(next, _calendar.AddWorkingDays(date, n), asOf);
            }
            catch (CalendarNotCoveredException)
            {
                // The deadline falls in a year without a loaded calendar: the rule reports "not evaluable" until the
                // calendar is added, and a calendar change forces a full run.
            }
        }

        return next;
    }

    /// <summary>The date plus every days-typed parameter value (and the day after each).</summary>
    private DateOnly AfterDays(DateOnly date, DateOnly asOf, DateOnly next)
    {
        foreach (var n in _days)
        {
            next = EarlierPair(next, date.AddDays(n), asOf);
        }

        return next;
    }

    private DateOnly Consider(DateOnly date, Section section, DateOnly asOf, DateOnly next)
    {
        // Any dated fact can be dated after the as-of and become known on its date.
        next = Earlier(next, date, asOf);
        if (section == Section.Other || date.AddDays(_reachDays) <= asOf)
        {
            return next;
        }

        return section == Section.Expenses
            ? EarlierPair(next, date.AddMonths(RollingWindowMonths), asOf)
            : AfterDays(date, asOf, next);
    }

    /// <summary>A boundary and the day after it (rules compare with both &gt; and &gt;=).</summary>
    private static DateOnly EarlierPair(DateOnly next, DateOnly boundary, DateOnly asOf) =>
        Earlier(Earlier(next, boundary, asOf), boundary.AddDays(1), asOf);

    private static DateOnly Earlier(DateOnly next, DateOnly candidate, DateOnly asOf) =>
        candidate > asOf && candidate < next ? candidate : next;

    private DateOnly ConsiderBirthday(DateOnly birthDate, DateOnly asOf, DateOnly next, bool everyBirthday)
    {
        var birthday = NextBirthday(birthDate, asOf);
        return everyBirthday || _ageBoundaries.Contains(birthday.Year - birthDate.Year) ? EarlierPair(next, birthday, asOf) : next;
    }

    private static DateOnly NextBirthday(DateOnly birthDate, DateOnly asOf)
    {
        if (birthDate > asOf)
        {
            return birthDate;
        }

        var years = asOf.Year - birthDate.Year;
        var birthday = birthDate.AddYears(years);
        return birthday > asOf ? birthday : birthDate.AddYears(years + 1);
    }

    /// <summary>
    /// A value expression moves daily when its result is a day count against the evaluation date (it ends in
    /// <c>.DaysAgo</c>, or calls <c>fn.Days(…)</c>) or reads the evaluation date <c>h.AsOf</c> other than to pick the
    /// last complete period (which moves monthly). A <c>DaysAgo</c> inside a predicate that selects an event does not:
    /// the selection changes only at the boundaries the horizon already lists.
    /// </summary>
    private static bool VariesDaily(string expression) =>
        DailyTokens().IsMatch(PeriodOfAsOf().Replace(expression.Trim(), ""));

    private enum Section
    {
        Other,
        Events,
        Expenses,
    }

    [GeneratedRegex(@"Age\s*(?:>=|<=|>|<|==|!=)\s*(\d+)")]
    private static partial Regex AgeComparison();

    [GeneratedRegex(@"\.DaysAgo$|fn\.Days\(|\bh\.AsOf\b")]
    private static partial Regex DailyTokens();

    [GeneratedRegex(@"fn\.(?:LastCompletePeriod|ScreeningWindowsDue|MissingTerms)\((?:[^()]|\([^()]*\))*,\s*h\.AsOf\)")]
    private static partial Regex PeriodOfAsOf();
}
