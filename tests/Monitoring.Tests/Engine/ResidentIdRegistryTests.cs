using Monitoring.Engine.Generation;
using Monitoring.Engine.Validation;

namespace Monitoring.Tests.Engine;

/// <summary>Generated stores hold unique resident IDs, except the deliberate shared persons.</summary>
public sealed class ResidentIdRegistryTests
{
    [Fact]
    public void Claimed_households_share_a_person_only_where_the_generator_means_it()
    {
        const int count = 30_000;
        var generator = new HouseholdGenerator(42, new DateOnly(2022, 7, 5));
        var drawn = generator.GenerateMany(count).SelectMany(h => h.Members!).Select(m => m.IdNumber!).ToList();
        // Without the registry, a store this size already draws the same ID twice.
        Assert.True(drawn.Count - drawn.Distinct(StringComparer.Ordinal).Count() > 0);

        var registry = new ResidentIdRegistry();
        var households = generator.GenerateMany(count).ToList();
        foreach (var household in households)
        {
            registry.Claim(household);
        }

        var people = households.SelectMany(h => h.Members!.Select(m => (Household: h.Id!, Id: m.IdNumber!))).ToList();
        Assert.All(people, p => Assert.Null(ResidentIdNumber.Problem(p.Id)));
        var shared = people.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        Assert.True(registry.Moved > 0);
        Assert.InRange(shared.Count, count / ResidentIdRegistry.SharedPersonInterval / 2, count / ResidentIdRegistry.SharedPersonInterval);
        Assert.All(shared, g =>
        {
            var pair = g.Select(p => p.Household).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, pair.Count);
            Assert.EndsWith("500", pair[1], StringComparison.Ordinal);
        });
    }
}
