namespace Monitoring.Rules.Facts;

/// <summary>
/// One way a member's record disagrees with a department roster: which list, which snapshot, which line (null when the
/// roster lacks the person), which field, the recorded and the roster value; <see cref="Text"/> says it in Chinese.
/// </summary>
public sealed class RosterDifference
{
    public required string MemberId { get; init; }

    /// <summary>The member's age at the evaluation date (checks limited to an age range filter on it).</summary>
    public int Age { get; init; }

    public required string ListId { get; init; }

    public required long SnapshotId { get; init; }

    public required DateOnly SnapshotDate { get; init; }

    public int? Line { get; init; }

    /// <summary>The record field compared (assistance.dibao, medicalInsurance, schooling, disabilityGrade, housing.safety, …).</summary>
    public required string Field { get; init; }

    public required string Recorded { get; init; }

    public required string Roster { get; init; }

    public string Text => $"成员 {MemberId} {Field}：档案为 {Recorded}，{ListId} 快照 #{SnapshotId}（{SnapshotDate:yyyy-MM-dd}）{(Line is { } line ? $"第 {line} 行" : "")}为 {Roster}";
}
