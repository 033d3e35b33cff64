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

    /// <summary>Every helper group with its counts and households (ids and village codes).</summary>
    public IEnumerable<(HelperGroupFacts Group, IReadOnlyDictionary<string, string?> VillageOf)> Groups()
    {
        foreach (var ((county, helper), group) in _groups)
        {
            var villages = group.Households.ToDictionary(h => _ids.IdOf(h.Entry), h => h.Village, StringComparer.Ordinal);
            yield return (new HelperGroupFacts
            {
                CountyCode = county,
                HelperName = helper,
                MonitoredCount = group.Monitored,
                LiftedCount = group.Lifted,
                HouseholdIds = [.. villages.Keys],
            }, villages);
        }
    }

    /// <summary>The group a household belongs to, if it has a helper.</summary>
    public HelperGroupFacts? GroupOf(string householdId) =>
        Groups().Select(g => g.Group).FirstOrDefault(g => g.HouseholdIds.Contains(householdId));

    private sealed class Group
    {
        public int Monitored { get; set; }

        public int Lifted { get; set; }

        public List<(int Entry, string? Village)> Households { get; } = [];
    }
}
