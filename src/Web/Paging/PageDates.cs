using System.Globalization;
using Monitoring.Store.Runs;

namespace Monitoring.Web.Paging;

/// <summary>
/// The date a page's lists are for: the one asked (<c>?asOf=yyyy-MM-dd</c>), else the latest completed night's evaluation
/// date, else today in China (one clock: <see cref="TimeProvider"/>).
/// </summary>
public sealed class PageDates(RunQueries runs, TimeProvider clock)
{
    public DateOnly Resolve(string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return DateOnly.TryParseExact(requested, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new ArgumentException($"日期应为 yyyy-MM-dd，而不是“{requested}”", nameof(requested));
        }

        return runs.LatestCompleted()?.AsOf ?? Today();
    }

    public DateOnly Today() => Monitoring.Store.ChinaTime.Today(clock);
}
