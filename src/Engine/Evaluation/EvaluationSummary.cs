namespace Monitoring.Engine.Evaluation;

/// <summary>Counts of one evaluation run, printed in Chinese on stderr and stored with a run.</summary>
public sealed class EvaluationSummary
{
    public DateOnly AsOf { get; set; }

    public string Profile { get; set; } = "";

    public string RuleSetVersion { get; set; } = "";

    /// <summary>Non-blank input lines.</summary>
    public long HouseholdsRead { get; set; }

    public long HouseholdsEvaluated { get; set; }

    /// <summary>Lines rejected: invalid JSON, invalid fields or a repeated household id.</summary>
    public long HouseholdsInvalid { get; set; }

    public long FindingsWritten { get; set; }

    public SortedDictionary<string, long> CandidatesByType { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> FindingsByRule { get; } = new(StringComparer.Ordinal);

    /// <summary>Rule evaluations skipped because a parameter had no value in force, per rule.</summary>
    public SortedDictionary<string, long> NotEvaluableByRule { get; } = new(StringComparer.Ordinal);

    /// <summary>Rule evaluations that raised an error, per rule (a defect in a rule; exit code 1).</summary>
    public SortedDictionary<string, long> ErrorsByRule { get; } = new(StringComparer.Ordinal);

    public TimeSpan Elapsed { get; set; }

    /// <summary>Time until every household was read and evaluated; the rest of <see cref="Elapsed"/> went to helper groups and writing sorted output.</summary>
    public TimeSpan EvaluationElapsed { get; set; }

    public long Candidates => CandidatesByType.Values.Sum();

    public static void Increment(SortedDictionary<string, long> counts, string key, long by = 1) =>
        counts[key] = counts.TryGetValue(key, out var current) ? current + by : by;
}
