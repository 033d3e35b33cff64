namespace Monitoring.Store.Runs;

/// <summary>One run of the ledger as <c>runs list</c>/<c>runs show</c> print it and the pages and the API show it (the one run type).</summary>
public sealed record StoredRun
{
    public required long Id { get; init; }

    public required DateOnly AsOf { get; init; }

    public required string Profile { get; init; }

    public required string Mode { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public required string RulesVersion { get; init; }

    /// <summary>The content address of the stored rule set (null for runs before rule sets were stored).</summary>
    public string? RuleSetHash { get; init; }

    public long HouseholdsEvaluated { get; init; }

    public long OutcomesRecorded { get; init; }

    public long FindingsCount { get; init; }

    public long CandidatesCount { get; init; }

    public long NewFindings { get; init; }

    public long ResolvedFindings { get; init; }

    public long SetAsideCount { get; init; }

    public string? Error { get; init; }

    /// <summary>A past night's run: the households as described on its as-of.</summary>
    public bool PointInTime { get; init; }

    /// <summary>The status in Chinese (已完成, 运行中, 失败).</summary>
    public string StatusZh => Status switch
    {
        "completed" => "已完成",
        "running" => "运行中",
        "failed" => "失败",
        _ => Status,
    };

    /// <summary>The mode in Chinese (增量 or 全量).</summary>
    public string ModeZh => Mode == "incremental" ? "增量" : "全量";
}
