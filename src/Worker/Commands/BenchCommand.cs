using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Facts;
using Monitoring.Engine.Generation;
using Monitoring.Engine.Records;
using Monitoring.Rules.Catalog;
using Monitoring.Worker.Cli;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Commands;

/// <summary>
/// <c>bench</c>: generates households in memory, evaluates the whole catalogue (including the county-wide helper
/// load rule) on all cores, prints households per second and peak memory. Households are generated in blocks
/// outside the timed section, so the figure is evaluation only and memory stays flat in N.
/// </summary>
public static class BenchCommand
{
    private const int BlockSize = 100_000;

    public static Command Create()
    {
        var households = new Option<int>("--households") { Description = "户数", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1, Description = "随机种子" };
        var asOf = new Option<string>("--as-of") { Description = "评估日", DefaultValueFactory = _ => "2022-06-30" };
        var profile = CommonOptions.Profile();
        var workers = new Option<int?>("--workers") { Description = "并行线程数（默认为 CPU 核数）" };
        var rules = CommonOptions.Rules();
        var command = new Command("bench", "性能测试：内存中生成农户并用全部核评估完整规则目录") { households, seed, asOf, profile, workers, rules };
        command.SetAction(result => CommandRunner.Run(() => Run(result.GetValue(households), result.GetValue(seed),
            CommonOptions.ParseDate(result.GetValue(asOf), "--as-of"), result.GetValue(profile)!, result.GetValue(workers), result.GetValue(rules))));
        return command;
    }

    private static int Run(int count, int seed, DateOnly asOf, string profile, int? workers, string? rulesDirectory)
    {
        var ruleSet = CommonOptions.RuleSet(CommonOptions.LoadCatalog(rulesDirectory), profile);
        var generator = new HouseholdGenerator(seed, asOf);
        var threads = workers ?? Environment.ProcessorCount;
        var versions = new RuleVersions();
        var evaluators = new ConcurrentBag<HouseholdEvaluator>();

        // Warm-up: JIT and tiered compilation of the compiled rule delegates.
        EvaluateBlock(Generate(generator, 0, Math.Min(count, 5_000)), ruleSet, asOf, threads, versions, evaluators);

        var ids = new HouseholdIdSet();
        var helpers = new HelperGroupAccumulator(ids);
        var timed = TimeSpan.Zero;
        long findings = 0;
        long candidates = 0;
        for (long start = 0; start < count; start += BlockSize)
        {
            var block = Generate(generator, start, (int)Math.Min(BlockSize, count - start));

            // Untimed: settle the freshly generated block so the timed section pays only for evaluation garbage.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
            var stopwatch = Stopwatch.StartNew();
            var (blockFindings, blockCandidates) = EvaluateBlock(block, ruleSet, asOf, threads, versions, evaluators);
            for (var i = 0; i < block.Length; i++)
            {
                var record = block[i];
                var entry = ids.Add(record.Id!, start + i + 1, out _);
                if (entry >= 0 && record.Helper is { Name: { Length: > 0 } name })
                {
                    helpers.Add(record.Region?.CountyCode ?? "", name, entry, record.Category ?? "", record.Region?.VillageCode);
                }
            }

            timed += stopwatch.Elapsed;
            findings += blockFindings;
            candidates += blockCandidates;
        }

        var groups = Stopwatch.StartNew();
        var groupEvaluator = new HouseholdEvaluator(ruleSet, asOf, versions);
        foreach (var (group, households) in helpers.Groups())
        {
            findings += groupEvaluator.EvaluateHelperGroup(group, households).Count;
        }

        timed += groups.Elapsed;
        var rate = count / timed.TotalSeconds;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {count:N0} households, {ruleSet.Rules.Count} rules ({profile}), {threads} threads: {timed.TotalSeconds:F2} s evaluating, {rate:N0} households/s, {findings:N0} findings, {candidates:N0} candidates, peak working set {peakMb:N0} MB"));
        return ExitCodes.Success;
    }

    private static HouseholdRecord[] Generate(HouseholdGenerator generator, long start, int size)
    {
        var block = new HouseholdRecord[size];
        Parallel.For(0, size, i => block[i] = generator.Generate(start + i));
        return block;
    }

    private static (long Findings, long Candidates) EvaluateBlock(HouseholdRecord[] records, RuleSet ruleSet, DateOnly asOf, int threads,
        RuleVersions versions, ConcurrentBag<HouseholdEvaluator> evaluators)
    {
        long findings = 0;
        long candidates = 0;
        Parallel.ForEach(
            Partitioner.Create(0, records.Length, 1_024),
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => evaluators.TryTake(out var evaluator) ? evaluator : new HouseholdEvaluator(ruleSet, asOf, versions),
            (range, _, evaluator) =>
            {
                long localFindings = 0;
                long localCandidates = 0;
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var outcome = evaluator.Evaluate(HouseholdFactsBuilder.Build(records[i], asOf));
                    localFindings += outcome.Findings.Count;
                    localCandidates += outcome.CandidateType is null ? 0 : 1;
                }

                Interlocked.Add(ref findings, localFindings);
                Interlocked.Add(ref candidates, localCandidates);
                return evaluator;
            },
            evaluators.Add);
        return (findings, candidates);
    }
}
