using System.Text;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Facts;
using Monitoring.Engine.Generation;
using Monitoring.Engine.Formats;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Engine;

/// <summary>
/// The compiled rules are shared by every evaluating thread. Rules whose nested lambdas read the household and the
/// parameters (<c>h.EventsWithin(…).Any(e => … p.Int(…) … h.Case …)</c>) must see their own thread's household and
/// parameter scope: a compiler that shared nested-lambda closures between threads once put one rule's parameter read
/// into another household's finding on another thread (1 in 1,000,000 in a nightly run).
/// </summary>
public sealed class ConcurrentEvaluationTests
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);

    [Fact]
    public void Threads_evaluating_different_households_get_exactly_the_single_threaded_findings()
    {
        var ruleSet = SharedCatalog.Instance.ForProfile("shaanxi-zhenba-2021");
        var records = new HouseholdGenerator(31, AsOf).GenerateMany(400).ToList();
        var single = new HouseholdEvaluator(ruleSet, AsOf, new RuleVersions());
        var expected = records.Select(r => Serialize(single.Evaluate(HouseholdFactsBuilder.Build(r, AsOf)).Findings)).ToArray();

        var mismatches = 0;
        Parallel.For(0, Environment.ProcessorCount * 2, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 }, worker =>
        {
            var evaluator = new HouseholdEvaluator(ruleSet, AsOf, new RuleVersions());
            for (var round = 0; round < 25; round++)
            {
                for (var n = 0; n < records.Count; n++)
                {
                    var i = (worker * 37 + n) % records.Count;
                    if (Serialize(evaluator.Evaluate(HouseholdFactsBuilder.Build(records[i], AsOf)).Findings) != expected[i])
                    {
                        Interlocked.Increment(ref mismatches);
                    }
                }
            }
        });

        Assert.Equal(0, mismatches);
    }

    private static string Serialize(IEnumerable<Monitoring.Engine.Findings.Finding> findings) =>
        string.Join('\n', findings.Select(f => Encoding.UTF8.GetString(FindingJson.Serialize(f))));
}
