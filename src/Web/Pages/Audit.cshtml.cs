using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Explaining;
using Monitoring.Engine.Facts;
using Monitoring.Rules.Catalog;
using Monitoring.Store.Replay;
using Monitoring.Store.Statistics;
using Monitoring.Store.Web;
using RunSummary = Monitoring.Store.Statistics.RunSummary;
using Monitoring.Web.Paging;
using Monitoring.Web.Security;
using Monitoring.Web.Sources;

namespace Monitoring.Web.Pages;

/// <summary>
/// 审计: choose a household and a night → the household version that night's run evaluated, every rule fired or not with
/// its conditions, values, parameters and sources, and whether evaluating it again reproduces the findings the run stored;
/// the runs and their differences (new and resolved findings); the access log of the household (auditors).
/// </summary>
[Authorize(Policy = MonitoringPolicies.Read)]
public sealed class AuditModel(AuditQueries audit, ReplayService replay, RunSummaries runs, RuleCatalog catalog, AccessLog accessLog, SourceDocuments sources) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Household { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Run { get; set; }

    public IReadOnlyList<RunSummary> Runs { get; private set; } = [];

    public StoredNight? Night { get; private set; }

    public IReadOnlyList<RuleExplanation> Rules { get; private set; } = [];

    /// <summary>The stored findings' (rule, member, sentence) and the re-evaluated ones', for the comparison.</summary>
    public IReadOnlyList<string> StoredKeys { get; private set; } = [];

    public IReadOnlyList<string> ReplayedKeys { get; private set; } = [];

    /// <summary>The byte-for-byte replay with the run's stored rule set (null when the run cannot be replayed).</summary>
    public ReplayResult? Replay { get; private set; }

    /// <summary>Why the stored rule set could not be replayed (then the rules in force are evaluated again instead).</summary>
    public string? ReplayRefused { get; private set; }

    public bool Reproduced => Replay?.Reproduced ?? (Night is not null && StoredKeys.SequenceEqual(ReplayedKeys, StringComparer.Ordinal));

    public IReadOnlyList<AccessLogEntry> Log { get; private set; } = [];

    public bool CanReadLog { get; private set; }

    public bool NotFoundForCaller { get; private set; }

    public IActionResult OnGet()
    {
        var caller = this.CallerOf();
        Runs = runs.Recent(60);
        CanReadLog = caller.CanAudit;
        Run ??= Runs.FirstOrDefault(r => r.Status == "completed")?.Id;
        if (string.IsNullOrWhiteSpace(Household) || Run is null)
        {
            return Page();
        }

        Household = Household.Trim();
        Night = audit.Night(caller, Household, Run.Value);
        if (Night is null)
        {
            return NotFound();
        }

        StoredKeys = [.. Night.Findings.Select(f => JsonNode.Parse(f)!).Select(f => Key(f["ruleId"]?.GetValue<string>(), f["memberId"]?.GetValue<string>(), f["explanation"]?.GetValue<string>())).Order(StringComparer.Ordinal)];
        try
        {
            Replay = replay.Replay(Night.RunId, Household);
            Rules = [.. Replay.Rules.Select(r => r.Explanation)];
            ReplayedKeys = [.. Replay.ReplayedFindings.Select(f => JsonNode.Parse(f)!).Select(f => Key(f["ruleId"]?.GetValue<string>(), f["memberId"]?.GetValue<string>(), f["explanation"]?.GetValue<string>())).Order(StringComparer.Ordinal)];
        }
        catch (ReplayRefusedException refused)
        {
            ReplayRefused = refused.Message;
            var ruleSet = catalog.ForProfile(Night.Profile);
            Rules = new HouseholdExplainer(ruleSet, Night.AsOf).Explain(HouseholdFactsBuilder.Build(Night.Record, Night.AsOf), null);
            ReplayedKeys = [.. new CaseFindings(ruleSet, Night.AsOf).Evaluate(Night.Record).Select(f => Key(f.RuleId, f.MemberId, f.Explanation)).Order(StringComparer.Ordinal)];
        }
        if (CanReadLog)
        {
            Log = accessLog.Read(caller, Household, 200) ?? [];
        }

        return Page();
    }

    public string Describe(string? source) => sources.Describe(source);

    private static string Key(string? rule, string? member, string? explanation) => $"{rule} {member} {ResidentIdText.Mask(explanation ?? "")}".Trim();
}
