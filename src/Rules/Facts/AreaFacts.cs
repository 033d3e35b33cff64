namespace Monitoring.Rules.Facts;

/// <summary>
/// One county and one department list as area rules see it (<c>a</c> in expressions; DEPT-FEED-LATE): the newest snapshot
/// the county delivered of the list on or before the evaluation date.
/// </summary>
public sealed class AreaFacts
{
    public required string CountyCode { get; init; }

    public required string ListId { get; init; }

    /// <summary>A warn-* list (筛查预警清单), expected every <c>feedIntervalDays</c>; other lists every <c>rosterMaxAgeDays</c>.</summary>
    public required bool IsWarningList { get; init; }

    public required long SnapshotId { get; init; }

    public required DateOnly NewestSnapshot { get; init; }

    /// <summary>Days from the newest snapshot to the evaluation date.</summary>
    public required int DaysSinceNewest { get; init; }
}
