using Monitoring.Tests.Support;

namespace Monitoring.Tests.Rules;

/// <summary>docs/rules.md is the one place a newcomer or an auditor starts from: every rule of the catalogue is written there.</summary>
public sealed class RuleIndexTests
{
    [Fact]
    public void Every_rule_has_its_id_source_population_and_test_file_in_the_rule_index()
    {
        var index = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules.md"));
        var missing = new List<string>();
        foreach (var rule in SharedCatalog.Instance.Rules)
        {
            var start = index.IndexOf($"\n## {rule.Id}\n", StringComparison.Ordinal);
            if (start < 0)
            {
                missing.Add($"{rule.Id}: 没有小节（请运行 python3 scripts/rules-doc.py）");
                continue;
            }

            var end = index.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            var section = end < 0 ? index[start..] : index[start..end];
            if (!section.Contains($"- clause (source): {rule.Source}\n", StringComparison.Ordinal))
            {
                missing.Add($"{rule.Id}: 出处与规则文件不一致（{rule.Source}）");
            }

            if (!section.Contains($"- population: {rule.Population}\n", StringComparison.Ordinal))
            {
                missing.Add($"{rule.Id}: 适用人群与规则文件不一致（{rule.Population}）");
            }

            if (rule.Interpretation is { } interpretation && !section.Contains(interpretation, StringComparison.Ordinal))
            {
                missing.Add($"{rule.Id}: 解读与规则文件不一致");
            }

            if (File.Exists(Path.Combine(TestPaths.RuleTests, rule.Id + ".yaml")) && !section.Contains($"rules/tests/{rule.Id}.yaml", StringComparison.Ordinal))
            {
                missing.Add($"{rule.Id}: 未列出测试文件");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
