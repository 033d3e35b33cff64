using System.Reflection;
using System.Text.RegularExpressions;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Importing;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Codes;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Rules;

/// <summary>
/// Every code of the domain has exactly one Chinese label, written once in <see cref="DomainLabels"/>: the validators'
/// code lists, the importer's accepted spellings and the case states read it, and no other source file keeps a table of them.
/// </summary>
public sealed partial class DomainLabelsTests
{
    [Fact]
    public void Every_code_of_every_family_has_exactly_one_label_that_reads_back_as_the_code()
    {
        Assert.Equal(DomainLabels.All.Count, DomainLabels.All.Select(f => f.NameZh).Distinct().Count());
        foreach (var family in DomainLabels.All)
        {
            Assert.Equal(family.Codes.Count, family.Values.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(family.Codes.Count, family.Codes.Select(c => c.Zh).Distinct(StringComparer.Ordinal).Count());
            foreach (var code in family.Codes)
            {
                Assert.False(string.IsNullOrWhiteSpace(code.Zh), $"{family.NameZh} {code.Code} 没有中文名称");
                Assert.All(code.Aliases.Prepend(code.Zh).Prepend(code.Code), text => Assert.Equal(code.Code, family.Resolve(text)));
            }
        }
    }

    [Fact]
    public void The_validators_code_lists_and_the_importers_spellings_are_the_families()
    {
        (string[] Codes, CodeFamily Family)[] pairs =
        [
            (DomainCodes.Categories, DomainLabels.Categories), (DomainCodes.MonitoringTypes, DomainLabels.MonitoringTypes),
            (DomainCodes.Relations, DomainLabels.Relations), (DomainCodes.Sexes, DomainLabels.Sexes), (DomainCodes.Health, DomainLabels.Health),
            (DomainCodes.ChronicDiseases, DomainLabels.ChronicDiseases), (DomainCodes.LaborCapacities, DomainLabels.LaborCapacities),
            (DomainCodes.EmploymentStatuses, DomainLabels.EmploymentStatuses), (DomainCodes.EmploymentPlaces, DomainLabels.EmploymentPlaces),
            (DomainCodes.Schooling, DomainLabels.Schooling), (DomainCodes.Assistance, DomainLabels.Assistance),
            (DomainCodes.HousingSafety, DomainLabels.HousingSafety), (DomainCodes.EventKinds, DomainLabels.EventKinds),
            (DomainCodes.MeasureKinds, DomainLabels.MeasureKinds), (DomainCodes.InclusionSteps, DomainLabels.InclusionSteps),
            (DomainCodes.ReleaseSteps, DomainLabels.ReleaseSteps), (DomainCodes.RiskKinds, DomainLabels.RiskCategories),
            (DomainCodes.CareGroupKinds, DomainLabels.CareGroupKinds), (DomainCodes.CareLevels, DomainLabels.CareLevels),
        ];
        foreach (var (codes, family) in pairs)
        {
            Assert.Equal(family.Values, codes);
        }

        var maps = typeof(ImportColumns).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(CodeMap)).ToList();
        Assert.NotEmpty(maps);
        foreach (var field in maps)
        {
            var map = (CodeMap)field.GetValue(null)!;
            var family = DomainLabels.All.Single(f => f.Values.SequenceEqual(map.Codes) && map.Entries.All(e => e.Labels[0] == f.Zh(e.Code)));
            Assert.All(map.Entries, e => Assert.Equal(family.Find(e.Code)!.Aliases.Prepend(family.Zh(e.Code)), e.Labels));
        }

        Assert.All(Enum.GetValues<CaseState>(), state => Assert.Equal(DomainLabels.CaseStates.Find(state.ToString())!.Zh, CaseStates.Zh(state)));
        Assert.Equal(Enum.GetNames<CaseState>(), DomainLabels.CaseStates.Values);
        Assert.Equal(CaseCommand.Names.Append(CaseCommand.Correct).Append(CaseCommand.Void).Order(StringComparer.Ordinal), DomainLabels.CaseCommands.Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_other_source_file_keeps_a_label_table_of_domain_codes()
    {
        // code → every label and alias it has in any family; an enum member → the labels of the case families.
        var labels = DomainLabels.All.SelectMany(f => f.Codes).GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Aliases.Prepend(c.Zh)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var caseLabels = DomainLabels.CaseStates.Codes.Concat(DomainLabels.CaseCommands.Codes).Select(c => c.Zh).ToHashSet(StringComparer.Ordinal);
        var src = Path.Combine(TestPaths.RepositoryRoot, "src");
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(p) != "DomainLabels.cs"))
        {
            var text = File.ReadAllText(path);
            foreach (Match match in LabelEntry().Matches(text))
            {
                var label = match.Groups["label"].Value;
                var isLabel = match.Groups["enum"].Success
                    ? caseLabels.Contains(label)
                    : labels.TryGetValue(match.Groups["code"].Value, out var own) && own.Contains(label);
                if (isLabel)
                {
                    found.Add($"{Path.GetRelativePath(src, path)}: {match.Value}");
                }
            }
        }

        Assert.True(found.Count == 0, "domain code labels outside DomainLabels:\n" + string.Join("\n", found));
    }

    // "code" => "中文", ["code"] = "中文", ("code", "中文" or ("code", ["中文"…, CaseState.X / CaseCommand.X => "中文".
    [GeneratedRegex(@"(?:""(?<code>[A-Za-z_\-]+)""\s*(?:=>|\]\s*=|,\s*\[?)|(?<enum>(?:CaseState|CaseCommand)\.\w+)\s*=>)\s*""(?<label>[^""]*\p{IsCJKUnifiedIdeographs}[^""]*)""")]
    private static partial Regex LabelEntry();
}
