using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Engine.Explaining;
using Monitoring.Store.Replay;
using Monitoring.Store.Runs;
using Monitoring.Store.Web;
using Monitoring.Web.Paging;
using Monitoring.Web.Security;

namespace Monitoring.Web.Pages;

/// <summary>
/// 审计: choose a household and a night → the replay of that night (<see cref="ExplainQueries"/>, the one replay path): the
/// household version the run evaluated, every rule fired or silent with its conditions, values, parameters and sources,
/// and whether evaluating it again with the run's stored rule set reproduces the stored findings byte for byte; the runs;
/// the access log of the household (auditors).
/// </summary>
[Authorize(Policy = MonitoringPolicies.Read)]
public sealed class AuditModel(ExplainQueries explain, RunQueries runs, AccessLog accessLog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Household { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Run { get; set; }

    public IReadOnlyList<StoredRun> Runs { get; private set; } = [];

    /// <summary>The replay (null before a household is chosen, or when the run cannot be replayed for it).</summary>
    public ReplayResult? Replay { get; private set; }

    /// <summary>Why the night cannot be replayed for the household (Chinese), if so.</summary>
    public string? ReplayRefused { get; private set; }

    public IReadOnlyList<RuleExplanation> Rules => Replay?.Explanations ?? [];

    /// <summary>The stored findings' (rule, member, sentence) and the replayed ones', for the comparison.</summary>
    public IReadOnlyList<string> StoredKeys => Replay is null ? [] : Keys(Replay.StoredFindings);

    public IReadOnlyList<string> ReplayedKeys => Replay is null ? [] : Keys(Replay.ReplayedFindings);

    public IReadOnlyList<AccessLogEntry> Log { get; private set; } = [];

    public bool CanReadLog { get; private set; }

    public IActionResult OnGet()
    {
        var caller = this.CallerOf();
        Runs = runs.List(limit: 60, caller: caller);
        CanReadLog = caller.CanAudit;
        Run ??= Runs.FirstOrDefault(r => r.Status == "completed")?.Id;
        if (string.IsNullOrWhiteSpace(Household) || Run is null)
        {
            return Page();
        }

        Household = Household.Trim();
        try
        {
            Replay = explain.Explain(caller, Household, Run.Value);
            if (Replay is null)
            {
                return NotFound();
            }
        }
        catch (ReplayRefusedException refused)
        {
            ReplayRefused = refused.Message;
        }

        if (CanReadLog)
        {
            Log = accessLog.Read(caller, Household, 200) ?? [];
        }

        return Page();
    }

    private static List<string> Keys(IEnumerable<string> findings) =>
        [.. findings.Select(f => JsonNode.Parse(f)!)
            .Select(f => $"{f["ruleId"]?.GetValue<string>()} {f["memberId"]?.GetValue<string>()} {ResidentIdText.Mask(f["explanation"]?.GetValue<string>() ?? "")}".Trim())
            .Order(StringComparer.Ordinal)];
}
