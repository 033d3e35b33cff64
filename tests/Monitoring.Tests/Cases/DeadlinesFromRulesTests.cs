using Monitoring.Engine.Cases;
using Monitoring.Rules.Loading;
using Monitoring.Tests.Support;
using static Monitoring.Tests.Cases.CaseRecords;

namespace Monitoring.Tests.Cases;

/// <summary>The due list's deadlines and clauses are the rules' own: the same value a finding reports, and an edited rule moves them.</summary>
public sealed class DeadlinesFromRulesTests
{
    [Fact]
    public void Each_deadline_is_the_value_the_fired_rule_reports_and_the_clause_its_source()
    {
        var ruleSet = SharedCatalog.Instance.ForProfile(Zhenba);
        var household = Included("2021-09-01", "2021-09-10");
        household.Helper = null;
        var asOf = D("2022-06-30");
        var obligations = new ObligationCalculator(ruleSet).For(household, asOf);
        var findings = new CaseFindings(ruleSet, asOf).Evaluate(household);
        foreach (var (kind, rule) in new[] { ("identification", "PROC-IDENT-OVERDUE"), ("plan", "PROC-PLAN-OVERDUE"), ("measure", "PROC-MEASURES-OVERDUE") })
        {
            var obligation = Assert.Single(obligations, o => o.Kind == kind);
            Assert.Equal(rule, obligation.RuleId);
            if (findings.FirstOrDefault(f => f.RuleId == rule) is { } finding)
            {
                var reported = finding.Values.Single(v => v.Key == "deadline").Value;
                Assert.Equal(obligation.Due, reported is DateOnly d ? d : DateOnly.Parse(reported!.ToString()!, System.Globalization.CultureInfo.InvariantCulture));
            }

            var source = ruleSet.Rules.Single(r => r.Id == rule).Source;
            Assert.Contains(source[..3], obligation.BasisZh, StringComparison.Ordinal);
            Assert.Contains(source[(source.IndexOf(".txt", StringComparison.Ordinal) + 5)..].Split(';')[0], obligation.BasisZh, StringComparison.Ordinal);
        }

        Assert.Contains(findings, f => f.RuleId == "PROC-MEASURES-OVERDUE");
    }

    [Fact]
    public void An_edited_deadline_in_the_rule_file_moves_the_due_date()
    {
        var copy = Directory.CreateTempSubdirectory("monitoring-rules-").FullName;
        try
        {
            CopyDirectory(TestPaths.Rules, copy);
            var workflow = Path.Combine(copy, "workflows", "30-procedure.json");
            var text = File.ReadAllText(workflow);
            const string measures = "\"deadline\": \"fn.AddMonths(h.Case.IncludedOn, p.Int(\\\"measureMonths\\\"))\"";
            Assert.Contains(measures, text, StringComparison.Ordinal);
            File.WriteAllText(workflow, text.Replace(measures, "\"deadline\": \"fn.AddDays(fn.AddMonths(h.Case.IncludedOn, p.Int(\\\"measureMonths\\\")), 3)\"", StringComparison.Ordinal));
            var edited = RuleCatalogLoader.Load(copy).ForProfile(Zhenba);

            var household = Included("2021-09-01", "2021-09-10");
            var original = Assert.Single(new ObligationCalculator(SharedCatalog.Instance.ForProfile(Zhenba)).For(household, D("2021-09-20")), o => o.Kind == "measure");
            var moved = Assert.Single(new ObligationCalculator(edited).For(household, D("2021-09-20")), o => o.Kind == "measure");
            Assert.Equal(D("2021-10-10"), original.Due);
            Assert.Equal(D("2021-10-13"), moved.Due);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
