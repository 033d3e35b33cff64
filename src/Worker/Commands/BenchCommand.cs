using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Facts;
using Monitoring.Engine.Generation;
using Monitoring.Engine.Records;
using Monitoring.Worker.Cli;

namespace Monitoring.Worker.Commands;

/// <summary><c>bench</c>: generates households in memory, evaluates the whole catalogue on all cores, prints households per second and peak memory.</summary>
public static class BenchCommand
{
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
        var records = new HouseholdRecord[count];
        Parallel.For(0, count, i => records[i] = generator.Generate(i));
        var threads = workers ?? Environment.ProcessorCount;
        var versions = new RuleVersions();

        // Warm-up: JIT and tiered compilation of the compiled rule delegates.
        Evaluate(records.AsSpan(0, Math.Min(count, 5_000)).ToArray(), ruleSet, asOf, threads, versions);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heldMb = GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024.0);

        // The generated records stay reachable for the whole run; avoid blocking full collections while timing.
        var latency = System.Runtime.GCSettings.LatencyMode;
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;
        var stopwatch = Stopwatch.StartNew();
        var (findings, candidates) = Evaluate(records, ruleSet, asOf, threads, versions);
        stopwatch.Stop();
        System.Runtime.GCSettings.LatencyMode = latency;

        var rate = count / stopwatch.Elapsed.TotalSeconds;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {count:N0} households, {ruleSet.Rules.Count} rules ({profile}), {threads} threads: {stopwatch.Elapsed.TotalSeconds:F2} s, {rate:N0} households/s, {findings:N0} findings, {candidates:N0} candidates, peak working set {peakMb:N0} MB (generated records held in memory: {heldMb:N0} MB)"));
        return ExitCodes.Success;
    }

    private static (long Findings, long Candidates) Evaluate(HouseholdRecord[] records, Monitoring.Rules.Catalog.RuleSet ruleSet, DateOnly asOf, int threads, RuleVersions versions)
    {
        long findings = 0;
        long candidates = 0;
        Parallel.ForEach(
            Partitioner.Create(0, records.Length, 2_048),
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new HouseholdEvaluator(ruleSet, asOf, versions),
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
            _ => { });
        return (findings, candidates);
    }
}
