using System.Globalization;
using System.Text;
using Monitoring.Engine.Findings;
using Monitoring.Rules.Catalog;

namespace Monitoring.Engine.Evaluation;

/// <summary>
/// PROC-GAP-NOT-CLEARED's run history for one household: for each (rule, member) of the gap rules it reads
/// (EDU-DROPOUT, MED-UNINSURED, HOU-*, WAT-*; member "" for household-scoped rules), the run on which the current unbroken
/// series of nightly findings began. Kept in the household's evaluation state as text <c>RULE|member=runId;…</c>, the way
/// PROC-CANDIDATE-NO-CASE keeps the run its risk series began.
/// </summary>
public static class GapSeries
{
    /// <summary>The series that continue tonight: each gap finding keeps its start, a new one starts with this run; gone ones end.</summary>
    public static SortedDictionary<string, long> Continue(RuleDefinition rule, IReadOnlyList<Finding> findings, string? prior, long runId)
    {
        var before = Parse(prior);
        var now = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (!rule.ReadsStored(finding.RuleId))
            {
                continue;
            }

            foreach (var member in MembersOf(finding))
            {
                var key = finding.RuleId + "|" + member;
                now[key] = before.TryGetValue(key, out var since) ? since : runId;
            }
        }

        return now;
    }

    /// <summary>The last day a gap first seen on <paramref name="firstNight"/> may remain: year-end, or the end of the next month.</summary>
    public static DateOnly Deadline(DateOnly firstNight, string clearBy) => clearBy switch
    {
        "next-month-end" => new DateOnly(firstNight.Year, firstNight.Month, 1).AddMonths(2).AddDays(-1),
        _ => new DateOnly(firstNight.Year, 12, 31),
    };

    public static string? Format(SortedDictionary<string, long> series)
    {
        if (series.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var (key, since) in series)
        {
            text.Append(text.Length == 0 ? "" : ";").Append(key).Append('=').Append(since.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static Dictionary<string, long> Parse(string? text)
    {
        var series = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = entry.LastIndexOf('=');
            if (at > 0 && long.TryParse(entry.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var since))
            {
                series[entry[..at]] = since;
            }
        }

        return series;
    }

    private static IEnumerable<string> MembersOf(Finding finding)
    {
        foreach (var (name, value) in finding.Values)
        {
            if (name == "memberIds" && value is IEnumerable<string> members)
            {
                return members;
            }
        }

        return [finding.MemberId ?? ""];
    }
}
