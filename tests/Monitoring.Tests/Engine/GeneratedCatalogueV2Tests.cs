using System.Text.Json;
using Monitoring.Engine.Generation;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Engine;

/// <summary>
/// The generator exercises every rule of catalogue v2 (so the sample village and the benchmark data do), and on generated
/// data no service-gap finding fires outside its population and share falls are reported only from 5 points.
/// </summary>
public sealed class GeneratedCatalogueV2Tests
{
    private static readonly DateOnly AsOf = new(2022, 7, 4);

    private static readonly Lazy<List<string>> Lines = new(() => [.. new HouseholdGenerator(7, AsOf).GenerateMany(3000).Select(HouseholdJsonLines.Serialize)]);

    [Theory]
    [InlineData("shaanxi-zhenba-2021")]
    [InlineData("chongqing-xiushan-2022")]
    [InlineData("sichuan-baofan-2022")]
    [InlineData("shaanxi-zhenping-2017")]
    public void Every_household_rule_of_the_profile_fires_on_generated_data(string profile)
    {
        var (findings, problems, _) = Evaluate.Lines(Lines.Value, AsOf, profile);
        Assert.Empty(problems);
        var fired = findings.Select(f => f.GetProperty("ruleId").GetString()!).ToHashSet();
        var storedOnly = SharedCatalog.Instance.Rules.Where(r => r.Mode == "stored").Select(r => r.Id);
        var ruleSet = SharedCatalog.Instance.ForProfile(profile);
        // Department checks need department rosters: RosterGeneratorTests shows each of them on generated data with rosters.
        var silent = ruleSet.InForceOn(AsOf).Select(r => r.Id).Except(storedOnly).Where(id => !fired.Contains(id) && !id.StartsWith("DEPT-", StringComparison.Ordinal)).ToList();
        if (ruleSet.Parameters.Resolve("screeningWindows", "610728", AsOf).RawValue == "none")
        {
            silent.Remove("PROC-MASS-SCREEN-MISSING"); // a profile without screening windows never reports it
        }

        Assert.True(silent.Count == 0, "生成数据中从未触发：" + string.Join("、", silent));
    }

    [Fact]
    public void No_service_gap_finding_fires_outside_its_population_and_share_falls_are_at_least_five_points()
    {
        var (findings, _, _) = Evaluate.Lines(Lines.Value, AsOf, "shaanxi-zhenba-2021");
        var households = Lines.Value.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(h => h.GetProperty("id").GetString()!);
        static bool LiftedPlus(JsonElement h) => h.GetProperty("category").GetString() == "lifted"
            || (h.GetProperty("category").GetString() == "monitored" && h.GetProperty("monitoringType").GetString() == "unstable");
        static bool Monitored(JsonElement h) => h.GetProperty("category").GetString() == "monitored";
        var checkedFindings = 0;
        foreach (var finding in findings.Where(f => f.GetProperty("severity").GetString() == "notice"))
        {
            var household = households[finding.GetProperty("householdId").GetString()!];
            var rule = finding.GetProperty("ruleId").GetString();
            var inPopulation = rule switch
            {
                "MED-NO-FAMILY-DOCTOR" => LiftedPlus(household),
                "INC-EARNED-SHARE-FALL" or "DIS-NURSING-SUBSIDY-GAP" => LiftedPlus(household) || Monitored(household),
                "INC-NOT-HIGHER" => LiftedPlus(household) || (Monitored(household) && household.GetProperty("monitoringType").GetString() == "marginal"),
                "EDU-AID-MISSING" => LiftedPlus(household) || Monitored(household),
                _ => true,
            };
            Assert.True(inPopulation, $"{rule} 对人群以外的户 {household.GetProperty("id").GetString()} 触发");
            if (rule == "INC-EARNED-SHARE-FALL")
            {
                Assert.True(finding.GetProperty("values").GetProperty("fallPoints").GetDecimal() >= 5m);
            }

            checkedFindings++;
        }

        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "INC-EARNED-SHARE-FALL");
        Assert.True(checkedFindings > 100);
    }
}
