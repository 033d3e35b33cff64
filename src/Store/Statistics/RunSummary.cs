namespace Monitoring.Store.Statistics;

/// <summary>A nightly run as the pages show it: when, for which date and profile, how it ended and its counts.</summary>
public sealed record RunSummary(
    long Id,
    DateOnly AsOf,
    string Profile,
    string Mode,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    long HouseholdsEvaluated,
    long Findings,
    long Candidates,
    long NewFindings,
    long ResolvedFindings,
    string? Error)
{
    public string StatusZh => Status switch
    {
        "completed" => "已完成",
        "running" => "运行中",
        "failed" => "失败",
        _ => Status,
    };

    public string ModeZh => Mode switch
    {
        "full" => "全量",
        "incremental" => "增量",
        _ => Mode,
    };
}
