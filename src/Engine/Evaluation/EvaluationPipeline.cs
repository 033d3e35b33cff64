using System.Diagnostics;
using System.Threading.Channels;
using Monitoring.Engine.Facts;
using Monitoring.Engine.Findings;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Reading;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Evaluation;

/// <summary>
/// Streams a JSON Lines file through parsing, validation and rule evaluation on all cores, then writes
/// findings sorted by household id and rule id. Memory stays bounded: lines are read in batches, findings are
/// spilled to sorted temporary runs when they exceed the sorter's budget.
/// </summary>
public sealed class EvaluationPipeline
{
    private const int BatchSize = 128;

    private readonly RuleSet _ruleSet;
    private readonly DateOnly _asOf;
    private readonly int _workers;
    private readonly RuleVersions _versions = new();

    public EvaluationPipeline(RuleSet ruleSet, DateOnly asOf, int? workers = null)
    {
        _ruleSet = ruleSet;
        _asOf = asOf;
        _workers = Math.Max(1, workers ?? Environment.ProcessorCount);
    }

    /// <summary>Called in line order for every rejected line.</summary>
    public Action<RecordProblem>? OnProblem { get; init; }

    /// <summary>Called once per household evaluated, in input order (candidate lists, stores).</summary>
    public Action<HouseholdOutcome>? OnOutcome { get; init; }

    /// <summary>Called for rules that could not be evaluated for a household.</summary>
    public Action<RuleEvaluationProblem>? OnRuleProblem { get; init; }

    public long SorterMemoryLimitBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Helper groups with their counts over the whole store (store runs, which may evaluate only some households):
    /// when set, each household's helper-scoped findings are evaluated with it, as part of its own outcome.
    /// </summary>
    public IReadOnlyDictionary<(string CountyCode, string HelperName), HelperGroupFacts>? HelperGroups { get; init; }

    /// <summary>Department rosters and shared persons the DEPT-* and DATA-DUPLICATE-PERSON rules compare with (department-data.md).</summary>
    public Department.DepartmentContext? Department { get; init; }

    /// <summary>When set, every evaluated household gets the next date its outcome can change.</summary>
    public OutcomeHorizon? Horizon { get; init; }

    /// <summary>Called once per household evaluated, in input order, with its findings' JSON (store runs).</summary>
    public Action<EvaluatedHousehold>? OnEvaluated { get; init; }

    public EvaluationSummary Run(Stream input, Stream output, CancellationToken cancellationToken = default) =>
        Run(new Utf8LineReader(input).ReadLines(), output, cancellationToken);

    /// <summary>Evaluates records that come as UTF-8 JSON lines from elsewhere (the store), numbered 1, 2, … in order.</summary>
    public EvaluationSummary Run(IEnumerable<byte[]> lines, Stream output, CancellationToken cancellationToken = default) =>
        RunLines(lines, output, cancellationToken);

    /// <summary>
    /// Evaluates without writing or sorting findings: they reach <see cref="OnEvaluated"/> household by household.
    /// Needs <see cref="HelperGroups"/>, since no household sees the whole helper group.
    /// </summary>
    public EvaluationSummary RunUnsorted(IEnumerable<byte[]> lines, CancellationToken cancellationToken = default)
    {
        if (HelperGroups is null || OnEvaluated is null)
        {
            throw new InvalidOperationException("RunUnsorted needs HelperGroups and OnEvaluated");
        }

        return RunLines(lines, null, cancellationToken);
    }

    private EvaluationSummary RunLines(IEnumerable<byte[]> source, Stream? output, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var summary = new EvaluationSummary { AsOf = _asOf, Profile = _ruleSet.Profile.Id, RuleSetVersion = RuleVersions.ForRuleSet(_ruleSet) };
        var lines = Channel.CreateBounded<(long Sequence, List<(long Line, byte[] Text)> Lines)>(new BoundedChannelOptions(_workers * 2) { SingleWriter = true });
        var results = Channel.CreateBounded<(long Sequence, List<EvaluatedLine> Lines)>(new BoundedChannelOptions(_workers * 2) { SingleReader = true });

        // Stopping the reader and the workers when the consumer fails matters: the reader may be reading from a
        // database connection the caller disposes as soon as this method returns.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => BatchLines(source, lines.Writer, stop.Token), stop.Token);
        // One dedicated thread per worker: each thread keeps its own compiled copy of the rules (ThreadCompiled), so
        // workers must not hop between pool threads.
        var workers = Enumerable.Range(0, _workers)
            .Select(_ => Task.Factory.StartNew(() => Work(lines.Reader, results.Writer, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var closer = Task.WhenAll(workers).ContinueWith(t => results.Writer.TryComplete(t.Exception), TaskScheduler.Default);

        using var sorter = output is null ? null : new FindingSorter(SorterMemoryLimitBytes);
        var ids = new HouseholdIdSet();
        var helpers = new HelperGroupAccumulator(ids);
        try
        {
            Consume(results.Reader, sorter, ids, helpers, summary, cancellationToken);
        }
        catch
        {
            stop.Cancel();
            WaitQuietly([reader, .. workers, closer]);
            throw;
        }

        reader.GetAwaiter().GetResult();
        Task.WaitAll(workers, cancellationToken);
        closer.GetAwaiter().GetResult();
        summary.EvaluationElapsed = stopwatch.Elapsed;

        if (sorter is null || output is null)
        {
            summary.Elapsed = stopwatch.Elapsed;
            return summary;
        }

        var evaluator = new HouseholdEvaluator(_ruleSet, _asOf, _versions);
        foreach (var (group, households) in helpers.Groups())
        {
            foreach (var finding in evaluator.EvaluateHelperGroup(group, households))
            {
                sorter.Add(FindingSorter.Key(finding.HouseholdId, finding.RuleId), FindingJson.Serialize(finding));
                EvaluationSummary.Increment(summary.FindingsByRule, finding.RuleId);
            }
        }

        if (Department is not null)
        {
            foreach (var area in Department.Rosters.Areas(_asOf))
            {
                foreach (var finding in evaluator.EvaluateArea(area))
                {
                    sorter.Add(FindingSorter.AreaKey(area.CountyCode, area.ListId, finding.RuleId), FindingJson.Serialize(finding));
                    EvaluationSummary.Increment(summary.FindingsByRule, finding.RuleId);
                }
            }
        }

        sorter.WriteTo(output);
        output.Flush();
        summary.FindingsWritten = sorter.Count;
        summary.Elapsed = stopwatch.Elapsed;
        return summary;
    }

    private static void WaitQuietly(Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // The consumer's exception is the one that matters; these are its consequences (cancellation, closed channels).
        }
    }

    private static async Task BatchLines(IEnumerable<byte[]> source, ChannelWriter<(long, List<(long, byte[])>)> writer, CancellationToken cancellationToken)
    {
        try
        {
            long lineNumber = 0;
            long sequence = 0;
            var batch = new List<(long, byte[])>(BatchSize);
            foreach (var line in source)
            {
                batch.Add((++lineNumber, line));
                if (batch.Count == BatchSize)
                {
                    await writer.WriteAsync((sequence++, batch), cancellationToken).ConfigureAwait(false);
                    batch = new List<(long, byte[])>(BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                await writer.WriteAsync((sequence, batch), cancellationToken).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }
    }

    private void Work(ChannelReader<(long Sequence, List<(long Line, byte[] Text)> Lines)> input, ChannelWriter<(long, List<EvaluatedLine>)> output, CancellationToken cancellationToken)
    {
        var evaluator = new HouseholdEvaluator(_ruleSet, _asOf, _versions);
        var validator = new HouseholdRecordValidator(_asOf);
        while (input.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
        {
            while (input.TryRead(out var batch))
            {
                var evaluated = new List<EvaluatedLine>(batch.Lines.Count);
                foreach (var (line, text) in batch.Lines)
                {
                    if (Utf8LineReader.IsBlank(text))
                    {
                        continue;
                    }

                    evaluated.Add(EvaluateLine(line, text, validator, evaluator));
                }

                output.WriteAsync((batch.Sequence, evaluated), cancellationToken).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private EvaluatedLine EvaluateLine(long line, byte[] text, HouseholdRecordValidator validator, HouseholdEvaluator evaluator)
    {
        var problems = new List<RecordProblem>();
        var record = HouseholdRecordParser.ParseValid(text, line, validator, problems);
        if (record is null)
        {
            return new EvaluatedLine { Line = line, Problems = problems };
        }

        var facts = HouseholdFactsBuilder.Build(record, _asOf, Department);
        var outcome = evaluator.Evaluate(facts);
        var helper = HelperNameOf(record);
        if (HelperGroups is not null && helper is not null && HelperGroups.TryGetValue((record.Region?.CountyCode ?? "", helper.Trim()), out var group))
        {
            outcome.Findings.AddRange(evaluator.EvaluateHelperGroupFor(group, record.Id!, record.Region?.VillageCode));
        }

        return new EvaluatedLine
        {
            Line = line,
            HouseholdId = record.Id,
            Outcome = outcome,
            SerializedFindings = [.. outcome.Findings.Select(f => (FindingSorter.Key(f.HouseholdId, f.RuleId), FindingJson.Serialize(f)))],
            CountyCode = record.Region?.CountyCode,
            VillageCode = record.Region?.VillageCode,
            Category = record.Category,
            HelperName = helper,
            HasCase = record.Case is { } openCase && !(openCase.Inclusion?.Any(s => s.Step == "rejected") ?? false),
            NextChangeOn = Horizon is null ? null : DepartmentHorizon.Earlier(Horizon.NextChange(record, text, outcome.Findings, _asOf),
                facts.Department.Newest.Count + facts.Department.Warnings.Count == 0 ? null
                    : DepartmentHorizon.NextChange(facts.Department, _asOf, evaluator.IntParameter("rosterMaxAgeDays", facts.CountyCode), evaluator.IntParameter("candidateGraceDays", facts.CountyCode))),
        };
    }

    private static string? HelperNameOf(HouseholdRecord record) =>
        record.Helper is { Name: { Length: > 0 } name } ? name : null;

    private void Consume(ChannelReader<(long Sequence, List<EvaluatedLine> Lines)> results, FindingSorter? sorter, HouseholdIdSet ids,
        HelperGroupAccumulator helpers, EvaluationSummary summary, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<long, List<EvaluatedLine>>();
        long next = 0;
        while (results.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
        {
            while (results.TryRead(out var batch))
            {
                pending[batch.Sequence] = batch.Lines;
                while (pending.Remove(next, out var ready))
                {
                    foreach (var line in ready)
                    {
                        Accept(line, sorter, ids, helpers, summary);
                    }

                    next++;
                }
            }
        }
    }

    private void Accept(EvaluatedLine line, FindingSorter? sorter, HouseholdIdSet ids, HelperGroupAccumulator helpers, EvaluationSummary summary)
    {
        summary.HouseholdsRead++;
        if (line.Problems is { Count: > 0 } problems)
        {
            summary.HouseholdsInvalid++;
            foreach (var problem in problems)
            {
                OnProblem?.Invoke(problem);
            }

            return;
        }

        var id = line.HouseholdId!;
        var entry = ids.Add(id, line.Line, out var firstLine);
        if (entry < 0)
        {
            summary.HouseholdsInvalid++;
            OnProblem?.Invoke(new RecordProblem(line.Line, "id", $"户编码 {id} 与第 {firstLine} 行重复，本行未处理"));
            return;
        }

        summary.HouseholdsEvaluated++;
        var outcome = line.Outcome!;
        if (sorter is not null)
        {
            foreach (var (key, json) in line.SerializedFindings!)
            {
                sorter.Add(key, json);
            }
        }

        foreach (var finding in outcome.Findings)
        {
            EvaluationSummary.Increment(summary.FindingsByRule, finding.RuleId);
        }

        foreach (var problem in outcome.Problems)
        {
            EvaluationSummary.Increment(problem.IsError ? summary.ErrorsByRule : summary.NotEvaluableByRule, problem.RuleId);
            OnRuleProblem?.Invoke(problem);
        }

        if (outcome.CandidateType is { } type)
        {
            EvaluationSummary.Increment(summary.CandidatesByType, type);
        }

        OnOutcome?.Invoke(outcome);
        OnEvaluated?.Invoke(new EvaluatedHousehold
        {
            Outcome = outcome,
            FindingJson = [.. line.SerializedFindings!.Select(f => f.Json)],
            CountyCode = line.CountyCode ?? "",
            VillageCode = line.VillageCode,
            Category = line.Category ?? "",
            HasCase = line.HasCase,
            NextChangeOn = line.NextChangeOn,
        });
        if (HelperGroups is null && line.HelperName is { } helper)
        {
            helpers.Add(line.CountyCode ?? "", helper, entry, line.Category ?? "", line.VillageCode);
        }
    }
}
