using Monitoring.Engine.Department;
using Monitoring.Engine.Generation;
using Monitoring.Rules.Department;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Department;

/// <summary><c>generate --rosters</c>: deterministic rosters whose comparison with the sample shows every DEPT-* rule.</summary>
public sealed class RosterGeneratorTests
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);

    private static (List<string> Households, IReadOnlyList<RosterSnapshot> Rosters, string Directory) Generate(int seed, int count)
    {
        var generator = new HouseholdGenerator(seed, AsOf);
        var rosters = new RosterGenerator(seed, AsOf);
        var lines = new List<string>();
        foreach (var record in generator.GenerateMany(count))
        {
            rosters.Add(record);
            lines.Add(HouseholdJsonLines.Serialize(record));
        }

        var directory = Path.Combine(Path.GetTempPath(), "monitoring-rosters-" + Guid.NewGuid().ToString("N"));
        rosters.Write(directory);
        return (lines, RosterDirectory.Load(directory), directory);
    }

    [Fact]
    public void Generated_rosters_show_every_department_rule_on_the_sample_and_are_deterministic()
    {
        var (households, rosters, directory) = Generate(20220630, 500);
        var (_, _, again) = Generate(20220630, 500);
        try
        {
            var (findings, problems, _) = Evaluate.Lines(households, AsOf, "shaanxi-zhenba-2021", rosters: rosters);

            Assert.Empty(problems);
            var fired = findings.Select(f => f.GetProperty("ruleId").GetString()!).ToHashSet();
            var departmentRules = SharedCatalog.Instance.Rules.Where(r => r.Id.StartsWith("DEPT-", StringComparison.Ordinal)).Select(r => r.Id).ToList();
            Assert.NotEmpty(departmentRules);
            Assert.All(departmentRules, rule => Assert.True(fired.Contains(rule), $"{rule} 未出现在样例中"));
            // Most households agree with the departments: mismatches are a realistic minority.
            Assert.True(findings.Count(f => f.GetProperty("ruleId").GetString() == "DEPT-INSURANCE-MISMATCH") < households.Count / 5);
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(again, Path.GetFileName(file))));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            Directory.Delete(again, recursive: true);
        }
    }
}
