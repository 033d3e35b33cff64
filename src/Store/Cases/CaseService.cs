using Monitoring.Engine.Records;
using Monitoring.Rules.Catalog;
using Npgsql;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;
using Monitoring.Rules.Cases;

namespace Monitoring.Store.Cases;

/// <summary>
/// The case services the CLI verbs (and later the web pages) call: record a command on a stored household under the
/// state machine of its region profile, and read back what is due. The profile is the one given, else the profile whose
/// <c>regionCode</c> is the household's county code, else <c>cn-national</c>.
/// </summary>
public sealed class CaseService
{
    private readonly RuleCatalog _catalog;
    private readonly string? _profile;

    public CaseService(RuleCatalog catalog, NpgsqlDataSource dataSource, string? profile)
    {
        _catalog = catalog;
        _profile = profile;
        Store = new CaseStore(dataSource);
    }

    public CaseStore Store { get; }

    /// <summary>The rule set a household's case follows.</summary>
    public RuleSet RuleSetFor(HouseholdRecord household)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (_profile is not null)
        {
            return _catalog.ForProfile(_profile);
        }

        var county = household.Region?.CountyCode;
        var profile = _catalog.Profiles.Values.Where(p => p.Document.RegionCode is { Length: > 0 } code && code == county)
            .Select(p => p.Id).Order(StringComparer.Ordinal).FirstOrDefault() ?? RuleCatalog.NationalProfile;
        return _catalog.ForProfile(profile);
    }

    /// <summary>
    /// The rule set of the profile given, else the national one: for what is checked before the household is read (the
    /// CASE-* checks and the reading of codes are the same in every profile).
    /// </summary>
    private RuleSet CatalogueRuleSet => _catalog.ForProfile(_profile ?? RuleCatalog.NationalProfile);

    private CaseRules CatalogueRules => new(CatalogueRuleSet);

    /// <summary>
    /// Records <paramref name="command"/> for a stored household. Throws <see cref="CaseRejectedException"/> for a refused
    /// command and <see cref="KeyNotFoundException"/> for an unknown household; neither writes anything.
    /// </summary>
    public CaseCommandResult Execute(string householdId, CaseCommand command, string actor, string client, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.IsAmendment)
        {
            throw CatalogueRules.Refusal(CaseRuleIds.Arguments, "更正和作废用 Correct / Void");
        }

        command = new CaseProcedure(CatalogueRuleSet).Normalize(command);
        var result = Store.Record(householdId, command, actor, client, current => new CaseProcedure(RuleSetFor(current)).Apply(current, command, today))
            ?? throw NotFound(householdId);
        return result with { Warnings = ReleaseWarnings(householdId, command) };
    }

    /// <summary>
    /// Corrects case-log entry <paramref name="entry"/>: a <c>correct</c> entry naming it, with the entry's values as
    /// corrected, is appended, and the household's record is rebuilt from the log with the correction in force (one
    /// transaction). The original entry stays in the log. Refused when the entry does not exist or is voided, when nothing
    /// changes, or when the corrected log no longer follows the procedure.
    /// </summary>
    public CaseCommandResult Correct(string householdId, long entry, string reason, CaseCorrection correction, string actor, string client, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return Amend(householdId, entry, reason, actor, client, today, (history, id, ruleSet) =>
        {
            var procedure = new CaseProcedure(ruleSet);
            var recorded = history.InForceCommand(id, procedure.Rules);
            var corrected = procedure.Normalize(correction.ApplyTo(recorded));
            if (corrected == recorded)
            {
                throw procedure.Rules.Refusal(CaseRuleIds.Correction, $"更正的值与 #{id} 现有的登记相同，没有可更正的内容");
            }

            return corrected with { Name = CaseCommand.Correct, Replaces = recorded.Name, Entry = id, Reason = reason.Trim() };
        });
    }

    /// <summary>Voids case-log entry <paramref name="entry"/>: as <see cref="Correct"/>, the record rebuilt without it.</summary>
    public CaseCommandResult Void(string householdId, long entry, string reason, string actor, string client, DateOnly today) =>
        Amend(householdId, entry, reason, actor, client, today, (_, id, _) => new CaseCommand { Name = CaseCommand.Void, Date = today, Entry = id, Reason = reason.Trim() });

    /// <summary>
    /// A household as recorded by <paramref name="asOf"/> (<see cref="CaseReplay.AsOf"/>): the case commands in force dated on
    /// or before that day, nothing dated after it.
    /// </summary>
    public HouseholdRecord AsOf(HouseholdRecord current, CaseHistory history, HouseholdRecord? beforeFirst, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(current);
        return CaseReplay.AsOf(current, beforeFirst, history, new CaseProcedure(RuleSetFor(current)), asOf);
    }

    /// <summary>The records of a village or town (<see cref="CaseStore.Households"/>) as recorded by <paramref name="asOf"/>.</summary>
    public IReadOnlyList<HouseholdRecord> HouseholdsAsOf(string? villageCode, string? townCode, DateOnly asOf) =>
        AsOf([.. Store.Households(villageCode, townCode)], asOf);

    /// <summary>Records in force, each as recorded by <paramref name="asOf"/> (their case logs read in one query).</summary>
    public IReadOnlyList<HouseholdRecord> AsOf(IReadOnlyList<HouseholdRecord> households, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(households);
        var histories = Store.Histories([.. households.Select(h => h.Id ?? "")]);
        return [.. households.Select(h => histories.TryGetValue(h.Id ?? "", out var found)
            ? AsOf(h, found.History, found.BeforeFirst, asOf)
            : CaseReplay.CutAt(h, asOf))];
    }

    private CaseCommandResult Amend(string householdId, long entry, string reason, string actor, string client, DateOnly today, Func<CaseHistory, long, RuleSet, CaseCommand> amendment)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw CatalogueRules.Refusal(CaseRuleIds.Correction, "更正或作废须用 --reason 说明原因");
        }

        return Store.Record(householdId, actor, client, (current, log) =>
        {
            var (history, beforeFirst) = log.History();
            var ruleSet = RuleSetFor(current);
            var procedure = new CaseProcedure(ruleSet);
            history.Target(entry, procedure.Rules);
            var logged = amendment(history, entry, ruleSet);
            var amended = history.With(logged);
            var next = CaseReplay.Rebuild(CaseReplay.Base(current, beforeFirst!, amended), amended.InForce(), procedure, today, strictFor: entry);
            return (next, logged);
        }) ?? throw NotFound(householdId);
    }

    /// <summary>At the county announcement: a warning (not a refusal) for each risk finding still in force after the latest run.</summary>
    private IReadOnlyList<string> ReleaseWarnings(string householdId, CaseCommand command)
    {
        if (command is not { Name: CaseCommand.ReleaseStep, StepName: "county_announcement" })
        {
            return [];
        }

        var rules = Store.RiskFindingsInForce(householdId);
        if (rules.Count == 0)
        {
            return [];
        }

        var premature = CatalogueRules.Get(CaseRuleIds.ReleasePremature);
        return [$"提醒（{premature.Id}，{premature.Clause}）：最近一次评估中本户仍有未消除的风险发现 {string.Join("、", rules)}，请核实风险已稳定消除；县级公告已登记"];
    }

    private static KeyNotFoundException NotFound(string householdId) => new($"数据库中没有户编码为 {householdId} 的农户（先用 import 导入）");
}
