using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Evaluation;

/// <summary>
/// Collects, per county and helper name, the households a helper is paired with (for PROC-HELPER-LOAD).
/// Households are kept as entry numbers of the run's <see cref="HouseholdIdSet"/>; village codes are shared.
/// </summary>
public sealed class HelperGroupAccumulator
{
    private readonly HouseholdIdSet _ids;
    private readonly Dictionary<(string County, string Helper), Group> _groups = [];
    private readonly Dictionary<string, string> _villages = new(StringComparer.Ordinal);

    public HelperGroupAccumulator(HouseholdIdSet ids) => _ids = ids;

    public void Add(string countyCode, string helperName, int householdEntry, string category, string? villageCode)
    {
        var key = (countyCode, helperName.Trim());
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new Group();
            _groups[key] = group;
        }

        if (villageCode is not null && !_villages.TryGetValue(villageCode, out var shared))
        {
            shared = villageCode;
            _villages[villageCode] = shared;
        }
        else
        {
            shared = villageCode is null ? null : _villages[villageCode];
        }

        group.Households.Add((householdEntry, shared));
        if (category == "monitored")
        {
            group.Monitored++;
        }
        else if (category == "lifted")
        {
            group.Lifted++;
        }
    }

    /// <summary>Every helper group with its counts, and a way to list its households (id, village code) when a rule fires.</summary>
    public IEnumerable<(HelperGroupFacts Group, Func<IReadOnlyList<(string Id, string? Village)>> Households)> Groups() =>
        _groups.Select(kv => (Facts(kv.Key, kv.Value), (Func<IReadOnlyList<(string Id, string? Village)>>)(() => Households(kv.Value))));

    /// <summary>The group a household belongs to, if it has a helper.</summary>
    public HelperGroupFacts? GroupOf(string householdId)
    {
        var entry = _ids.EntryOf(householdId);
        foreach (var (key, group) in _groups)
        {
            if (group.Households.Any(h => h.Entry == entry))
            {
                return Facts(key, group);
            }
        }

        return null;
    }

    private static HelperGroupFacts Facts((string County, string Helper) key, Group group) => new()
    {
        CountyCode = key.County,
        HelperName = key.Helper,
        MonitoredCount = group.Monitored,
        LiftedCount = group.Lifted,
        HouseholdCount = group.Households.Count,
    };

    private List<(string Id, string? Village)> Households(Group group) => [.. group.Households.Select(h => (_ids.IdOf(h.Entry), h.Village))];

    private sealed class Group
    {
        public int Monitored { get; set; }

        public int Lifted { get; set; }

        public List<(int Entry, string? Village)> Households { get; } = [];
    }
}
