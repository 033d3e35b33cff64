using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Evaluation;

/// <summary>Collects, per county and helper name, the households a helper is paired with (for PROC-HELPER-LOAD).</summary>
public sealed class HelperGroupAccumulator
{
    private readonly Dictionary<(string County, string Helper), Group> _groups = [];

    public void Add(string countyCode, string helperName, string householdId, string category, string? villageCode)
    {
        var key = (countyCode, helperName.Trim());
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new Group();
            _groups[key] = group;
        }

        group.Households.Add((householdId, villageCode));
        if (category == "monitored")
        {
            group.Monitored++;
        }
        else if (category == "lifted")
        {
            group.Lifted++;
        }
    }

    public IEnumerable<HelperGroupFacts> Groups() => _groups.Select(kv => new HelperGroupFacts
    {
        CountyCode = kv.Key.County,
        HelperName = kv.Key.Helper,
        MonitoredCount = kv.Value.Monitored,
        LiftedCount = kv.Value.Lifted,
        HouseholdIds = [.. kv.Value.Households.Select(h => h.Id)],
    });

    public string? VillageOf(HelperGroupFacts group, string householdId) =>
        _groups[(group.CountyCode, group.HelperName)].Households.First(h => h.Id == householdId).Village;

    /// <summary>The group a household belongs to, if it has a helper.</summary>
    public HelperGroupFacts? GroupOf(string householdId) => Groups().FirstOrDefault(g => g.HouseholdIds.Contains(householdId));

    private sealed class Group
    {
        public int Monitored { get; set; }

        public int Lifted { get; set; }

        public List<(string Id, string? Village)> Households { get; } = [];
    }
}
