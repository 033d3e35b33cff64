namespace Monitoring.Rules.Facts;

/// <summary>A department warning line (warn-* list, any snapshot) that names a member of the household.</summary>
public sealed class WarningFacts
{
    public required string MemberId { get; init; }

    public required string ListId { get; init; }

    public required long SnapshotId { get; init; }

    public required DateOnly SnapshotDate { get; init; }

    public required int Line { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary>Days from the warning's date to the evaluation date.</summary>
    public required int DaysAgo { get; init; }

    public required string Kind { get; init; }

    public string Text => $"{ListId} 快照 #{SnapshotId}（{SnapshotDate:yyyy-MM-dd}）第 {Line} 行：成员 {MemberId} {Date:yyyy-MM-dd} 预警（{Kind}），已 {DaysAgo} 天";
}
