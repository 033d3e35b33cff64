using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Rules.Catalog;
using Monitoring.Store.Statistics;
using Monitoring.Web.Charts;
using Monitoring.Web.Paging;
using Monitoring.Web.Security;

namespace Monitoring.Web.Pages;

/// <summary>统计: the dashboard of the caller's area (or an area inside it, <c>?area=</c>).</summary>
[Authorize(Policy = MonitoringPolicies.Read)]
public sealed class StatsModel(AreaStatistics statistics, RuleCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    public AreaDashboard Dashboard { get; private set; } = null!;

    public void OnGet() => Dashboard = statistics.For(this.CallerOf(), Area);

    public string RuleTitle(string ruleId) => catalog.Rules.FirstOrDefault(r => r.Id == ruleId)?.TitleZh ?? ruleId;

    public IReadOnlyList<ChartPoint> CandidatesByArea => [.. Dashboard.Areas.Select(a => new ChartPoint(a.Name, a.Candidates))];

    public IReadOnlyList<ChartPoint> RulePoints => [.. Dashboard.FindingsByRule.Select(r => new ChartPoint(r.RuleId, r.Count))];

    public IReadOnlyList<ChartPoint> FunnelPoints => [.. Dashboard.Funnel.Select(s => new ChartPoint(s.LabelZh, s.Households))];

    public IReadOnlyList<string> NightLabels => [.. Dashboard.Nights.Select(n => n.AsOf.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))];

    public IReadOnlyList<ChartSeries> NightSeries =>
    [
        new("预警候选户", [.. Dashboard.Nights.Select(n => (decimal)n.Candidates)]),
        new("发现条数", [.. Dashboard.Nights.Select(n => (decimal)n.Findings)]),
    ];
}
