using Monitoring.Store.Runs;
using Monitoring.Store.Statistics;
using Monitoring.Store.Web;

namespace Monitoring.Web.Api;

/// <summary>
/// <c>GET /api/v1/dashboard</c>: the dashboard of an area (<see cref="AreaStatistics"/>, the one statistics service, grouped
/// by village) in the API's shape — the last run, figures by village, findings by rule, the funnel flagged → reviewed →
/// case → included → released, and the trend over the last nights.
/// </summary>
public sealed record Dashboard(
    string Area,
    StoredRun? LastRun,
    IReadOnlyList<VillageCounts> Villages,
    IReadOnlyList<RuleCount> FindingsByRule,
    Funnel Funnel,
    IReadOnlyList<NightCount> Trend)
{
    /// <summary>The dashboard, with each village's households awaiting review from the review list of the same area.</summary>
    public static Dashboard From(AreaDashboard board, IReadOnlyList<ReviewRow> review)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(review);
        long Stage(string stage) => board.Funnel.FirstOrDefault(s => s.Stage == stage)?.Households ?? 0;
        return new Dashboard(board.AreaCode, board.LastRun,
            [.. board.Areas.Select(a => new VillageCounts(a.AreaCode, a.Households, a.Candidates,
                review.Count(r => r.VillageCode == a.AreaCode && r.Status == ReviewStatuses.Pending), a.Monitored, a.Cases))],
            board.FindingsByRule,
            new Funnel(Stage("flagged"), Stage("reviewed"), Stage("case"), Stage("included"), Stage("released")),
            [.. board.Nights.Select(n => new NightCount(n.RunId, n.AsOf, n.Candidates, n.Findings))]);
    }
}
