using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Explaining;
using Monitoring.Engine.Records;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Codes;
using Monitoring.Rules.Expressions;
using Monitoring.Store.Cases;
using Monitoring.Store.History;
using Monitoring.Store.Replay;
using Monitoring.Store.Web;
using Monitoring.Web.Paging;
using Monitoring.Web.Security;
using Monitoring.Web.Sources;

namespace Monitoring.Web.Pages.Households;

/// <summary>
/// 农户: the record (resident IDs masked), current findings with their sentences and the document title and clause of each
/// source, "why / why not" for any rule (the replay of the latest night), the outcome of every night it changed, its record
/// versions and change log (what changed, when, by which import or command; labels from DomainLabels), the case timeline with
/// every deadline met or missed, a form for every case command, and the review decisions. Outside the caller's area the
/// household does not exist (404). Every view is written to the access log (by <see cref="HouseholdQueries"/>).
/// </summary>
[Authorize(Policy = MonitoringPolicies.Read)]
public sealed class DetailModel(
    HouseholdQueries households,
    HouseholdNightHistory history,
    ExplainQueries explain,
    CaseService cases,
    ScopedCaseCommands commands,
    SourceDocuments sources,
    PageDates dates) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>The rule whose evaluation ("why not") is shown.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Why { get; set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public HouseholdView View { get; private set; } = null!;

    public HouseholdRecord Record { get; private set; } = null!;

    public RuleSet RuleSet { get; private set; } = null!;

    public DateOnly Date { get; private set; }

    public IReadOnlyList<Obligation> Obligations { get; private set; } = [];

    public IReadOnlyList<HouseholdNight> Nights { get; private set; } = [];

    public IReadOnlyList<HouseholdVersionRow> Versions { get; private set; } = [];

    /// <summary>The household's change log, newest first (<see cref="HouseholdNightHistory.Timeline"/>).</summary>
    public IReadOnlyList<HouseholdTimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The replay of the latest completed night (<see cref="ExplainQueries"/>) the 逐条说明 is taken from.</summary>
    public ReplayResult? Replay { get; private set; }

    /// <summary>Why the latest night cannot be replayed for this household (Chinese), if so.</summary>
    public string? ReplayRefused { get; private set; }

    public RuleExplanation? Explanation { get; private set; }

    public bool CanWrite { get; private set; }

    public IReadOnlyList<string> InclusionSteps { get; private set; } = [];

    public IReadOnlyList<string> ReleaseSteps { get; private set; } = [];

    public static IReadOnlyList<string> MeasureKinds { get; } = [.. DomainLabels.MeasureKinds.Values];

    public static IReadOnlyList<string> MonitoringTypes { get; } = [.. DomainLabels.MonitoringTypes.Values];

    public static IReadOnlyList<string> Triggers { get; } = [.. DomainLabels.Triggers.Values];

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public IActionResult OnPostCase(string command, string? date, string? step, string? until, string? trigger, string? type, string? helper, string? kind)
    {
        var caller = this.CallerOf();
        try
        {
            var caseCommand = new CaseCommand
            {
                Name = CaseCommand.Names.Contains(command) ? command : throw new ArgumentException($"未知的案件命令“{command}”"),
                Date = ParseDate(date, "日期") ?? throw new ArgumentException("请填写日期"),
                StepName = Blank(step),
                Until = ParseDate(until, "公示截止日期"),
                Trigger = Blank(trigger),
                MonitoringType = Blank(type),
                HelperName = Blank(helper),
                MeasureKind = Blank(kind),
            };
            if (commands.Execute(caller, Id, caseCommand, dates.Today()) is null)
            {
                return NotFound();
            }

            Message = $"已登记：{CommandZh(command)}{(caseCommand.StepName is { } s ? "（" + StepNames.Zh(s) + "）" : "")} {CaseCommand.Text(caseCommand.Date)}";
        }
        catch (Exception ex) when (ex is CaseRejectedException or ArgumentException)
        {
            Problem = ex.Message;
        }

        return RedirectToPage(new { Id });
    }

    public IReadOnlyList<SourceCitation> Cite(string? source) => sources.Cite(source);

    public string Describe(string? source) => sources.Describe(source);

    /// <summary>The case command's Chinese label (<see cref="DomainLabels.CaseCommands"/>).</summary>
    public static string CommandZh(string command) => DomainLabels.CaseCommands.Zh(command);

    public static string ObligationClass(ObligationStatus status) => status switch
    {
        ObligationStatus.Overdue or ObligationStatus.MetLate => "status status-missed",
        ObligationStatus.Met => "status status-met",
        ObligationStatus.Open => "status status-open",
        _ => "status",
    };

    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    /// <summary>A value read by a rule condition, as text with resident IDs masked.</summary>
    public static string Value(object? value) => ResidentIdText.Mask(value switch
    {
        null => "（无）",
        DateOnly d => CaseCommand.Text(d),
        decimal m => m.ToString("#,##0.##", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    });

    private bool Load()
    {
        var caller = this.CallerOf();
        if (households.Get(caller, Id) is not { } view || cases.Store.Load(Id) is not { } stored)
        {
            return false;
        }

        View = view;
        Record = stored.Record;
        RuleSet = cases.RuleSetFor(Record);
        Date = dates.Resolve(null);
        var reinclusion = new CaseFindings(RuleSet, Date).ReinclusionFires(Record);
        Obligations = new ObligationCalculator(RuleSet).For(Record, Date, reinclusion);
        Nights = history.Nights(caller, Id) ?? [];
        Versions = history.Versions(caller, Id) ?? [];
        Timeline = history.Timeline(caller, Id) ?? [];
        CanWrite = caller.CanWrite;
        InclusionSteps = [.. StepNames.InclusionSteps.Where(s => ScopedCaseCommands.MayRecord(caller, s))];
        ReleaseSteps = [.. StepNames.ReleaseSteps.Where(s => ScopedCaseCommands.MayRecord(caller, s))];
        if (!string.IsNullOrEmpty(Why))
        {
            try
            {
                Replay = View.RunId is { } run ? explain.Explain(caller, Id, run) : null;
                ReplayRefused = View.RunId is null ? "尚无已完成的评估批次" : null;
                Explanation = Replay?.Explanations.FirstOrDefault(e => e.Rule.Id == Why);
            }
            catch (ReplayRefusedException refused)
            {
                ReplayRefused = refused.Message;
            }
        }

        return true;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? ParseDate(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new ArgumentException($"{field}应为 yyyy-MM-dd");
}
