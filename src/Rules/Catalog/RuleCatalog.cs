using Monitoring.Rules.Calendars;
using Monitoring.Rules.Cases;
using Monitoring.Rules.Parameters;
using Monitoring.Rules.Profiles;
using RulesEngineEngine = RulesEngine.RulesEngine;

namespace Monitoring.Rules.Catalog;

/// <summary>Everything under <c>rules/</c>, loaded and validated: rules, parameters, profiles and the calendar.</summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, RuleSet> _ruleSets = [];

    public RuleCatalog(string directory, IReadOnlyList<RuleDefinition> rules, IReadOnlyDictionary<string, RegionProfile> profiles,
        IReadOnlyDictionary<string, ParameterDefinition> parameterDefinitions, IReadOnlyList<ParameterLayer> regionLayers,
        ParameterLayer nationalLayer, WorkingDayCalendar calendar, RulesEngineEngine engine)
    {
        Directory = directory;
        Rules = rules;
        Profiles = profiles;
        ParameterDefinitions = parameterDefinitions;
        RegionLayers = regionLayers;
        NationalLayer = nationalLayer;
        Calendar = calendar;
        Engine = engine;
        foreach (var profile in profiles.Values)
        {
            _ruleSets[profile.Id] = Build(profile);
        }
    }

    public const string NationalProfile = "cn-national";

    public string Directory { get; }

    public IReadOnlyList<RuleDefinition> Rules { get; }

    public IReadOnlyDictionary<string, RegionProfile> Profiles { get; }

    public IReadOnlyDictionary<string, ParameterDefinition> ParameterDefinitions { get; }

    public IReadOnlyList<ParameterLayer> RegionLayers { get; }

    public ParameterLayer NationalLayer { get; }

    public WorkingDayCalendar Calendar { get; }

    /// <summary>The Microsoft RulesEngine instance holding the same workflows; it validated them at load.</summary>
    public RulesEngineEngine Engine { get; }

    /// <summary>The case commands' checks by id (<c>rules/case-checks.yaml</c>); empty for a stored rule set.</summary>
    public IReadOnlyDictionary<string, CaseCheck> CaseChecks
    {
        get => _caseChecks;
        init
        {
            _caseChecks = value;
            foreach (var set in _ruleSets.Values)
            {
                set.CaseChecks = value;
            }
        }
    }

    private readonly IReadOnlyDictionary<string, CaseCheck> _caseChecks = new Dictionary<string, CaseCheck>();

    public RuleSet ForProfile(string profileId) =>
        _ruleSets.TryGetValue(profileId, out var set)
            ? set
            : throw new KeyNotFoundException($"未知的地区配置 {profileId}；可用：{string.Join("、", _ruleSets.Keys.Order(StringComparer.Ordinal))}");

    private RuleSet Build(RegionProfile profile)
    {
        var disabled = profile.DisabledRules.ToHashSet(StringComparer.Ordinal);
        var rules = Rules.Where(r => !disabled.Contains(r.Id) && (r.Profiles.Count == 0 || r.Profiles.Any(profile.IsOrDescendsFrom))).ToList();
        var profileLayers = profile.Chain
            .Where(p => p.Parameters.Count > 0)
            .Select(p => new ParameterLayer(
                "profile:" + p.Id,
                $"rules/profiles/{p.Id}.yaml",
                null,
                p.NameZh,
                p.Parameters.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<DatedParameterValue>)[.. kv.Value.OrderBy(v => v.From)])))
            .ToList();
        var table = new ParameterTable(ParameterDefinitions, profileLayers, RegionLayers, NationalLayer);
        return new RuleSet(profile, rules, table, Calendar) { SourceDirectory = Directory };
    }
}
