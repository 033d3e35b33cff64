using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Engine.Cases;
using Monitoring.Store.Cases;
using Monitoring.Store.Runs;
using Monitoring.Store.Web;
using Monitoring.Web.Paging;

namespace Monitoring.Web.Pages;

/// <summary>工作台: last night's run (status, time, counts) and, for the caller's area, households awaiting review,
/// overdue obligations and those due this week, each a link to its list.</summary>
[Authorize]
public sealed class IndexModel(RunQueries runs, ReviewService reviews, AreaCaseLists lists, PageDates dates) : PageModel
{
    public StoredRun? LastRun { get; private set; }

    public bool CanRead { get; private set; }

    public string AreaCode { get; private set; } = "";

    public string AreaName { get; private set; } = "";

    public DateOnly Date { get; private set; }

    public int AwaitingReview { get; private set; }

    public int Overdue { get; private set; }

    public int DueThisWeek { get; private set; }

    public void OnGet()
    {
        var caller = this.CallerOf();
        LastRun = runs.Latest();
        CanRead = caller.CanRead;
        AreaCode = caller.AreaCode;
        if (!CanRead)
        {
            return;
        }

        Date = dates.Resolve(null);
        AreaName = lists.AreaName(caller, null) ?? caller.AreaCode;
        AwaitingReview = (int)reviews.Count(caller, new ReviewFilter(Status: ReviewStatuses.Pending));
        var due = lists.Due(caller, null, Date, 7);
        Overdue = due.Count(d => d.Obligation.Status == ObligationStatus.Overdue);
        DueThisWeek = due.Count - Overdue;
    }
}
