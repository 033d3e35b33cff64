using Monitoring.Rules.Calendars;
using Monitoring.Rules.Cases;
using Monitoring.Rules.Parameters;
using Monitoring.Rules.Profiles;

namespace Monitoring.Rules.Catalog;

/// <summary>What one profile evaluates: its rules in evaluation order (risk, notice, process), parameters and calendar.</summary>
public sealed class RuleSet
{
    public RuleSet(RegionProfile profile, IReadOnlyList<RuleDefinition> rules, ParameterTable parameters, WorkingDayCalendar calendar)
    {
        Profile = profile;
        Rules = [.. rules.OrderBy(r => r.SeverityOrder).ThenBy(r => r.Id, StringComparer.Ordinal)];
        Parameters = parameters;
        Calendar = calendar;
    }

    public RegionProfile Profile { get; }

    public IReadOnlyList<RuleDefinition> Rules { get; }

    public ParameterTable Parameters { get; }

    public WorkingDayCalendar Calendar { get; }

    /// <summary>The <c>rules/</c> directory the set was loaded from (a stored run archives its files from there).</summary>
    public string? SourceDirectory { get; init; }

    /// <summary>The case commands' checks (<c>rules/case-checks.yaml</c>) by id; empty for a stored rule set.</summary>
    public IReadOnlyDictionary<string, CaseCheck> CaseChecks { get; internal set; } = new Dictionary<string, CaseCheck>();

    /// <summary>The rules in force on <paramref name="date"/>.</summary>
    public IEnumerable<RuleDefinition> InForceOn(DateOnly date) => Rules.Where(r => r.InForceOn(date));
}
