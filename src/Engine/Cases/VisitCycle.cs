using System.Globalization;
using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Cases;

/// <summary>
/// A visit cycle parameter (<c>month</c>, <c>quarter</c> or <c>months:3,8,11</c>): the period that contains a date and the
/// next one. The last complete period is <c>RuleFunctions.LastCompletePeriod</c>, the one PROC-VISIT-OVERDUE reads.
/// </summary>
public sealed class VisitCycle
{
    private readonly string _cycle;
    private readonly HashSet<int> _months;

    public VisitCycle(string cycle)
    {
        _cycle = cycle;
        _months = cycle.StartsWith("months:", StringComparison.Ordinal)
            ? [.. cycle["months:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => int.Parse(m, CultureInfo.InvariantCulture))]
            : [];
        if (cycle is not ("month" or "quarter") && _months.Count == 0)
        {
            throw new ArgumentException($"未知的走访周期 {cycle}（应为 month、quarter 或 months:3,8,11）", nameof(cycle));
        }
    }

    /// <summary>每月 / 每季度 / 每年3、8、11月.</summary>
    public string Zh => _cycle switch
    {
        "month" => "每月",
        "quarter" => "每季度",
        _ => $"每年{string.Join("、", _months.Order())}月",
    };

    /// <summary>The period containing <paramref name="date"/>, or null when the cycle lists months and this is not one of them.</summary>
    public Period? Containing(DateOnly date)
    {
        var monthStart = new DateOnly(date.Year, date.Month, 1);
        if (_cycle == "month" || _months.Contains(date.Month))
        {
            return new Period(monthStart, monthStart.AddMonths(1).AddDays(-1));
        }

        if (_cycle == "quarter")
        {
            var start = new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);
            return new Period(start, start.AddMonths(3).AddDays(-1));
        }

        return null;
    }

    /// <summary>The period containing <paramref name="date"/>, else the first one after it.</summary>
    public Period CurrentOrNext(DateOnly date)
    {
        for (var month = new DateOnly(date.Year, date.Month, 1); ; month = month.AddMonths(1))
        {
            if (Containing(month) is { } period && period.End >= date)
            {
                return period;
            }
        }
    }
}
