namespace Monitoring.Rules.Facts;

/// <summary>
/// One current dibao case that covers some of a household's members (拆户保 check, department-data.md DEPT-DIBAO-SPLIT):
/// which members it covers, which members it leaves out that no tekun case covers, and how many of its members live
/// outside the household (masked resident IDs).
/// </summary>
public sealed class SplitCaseFacts
{
    public required string CaseNo { get; init; }

    public required long SnapshotId { get; init; }

    public required DateOnly SnapshotDate { get; init; }

    public required int Line { get; init; }

    public required IReadOnlyList<string> Covered { get; init; }

    /// <summary>Members of the household not in the case and not in any tekun case.</summary>
    public required IReadOnlyList<string> LeftOut { get; init; }

    /// <summary>Members of the case outside the household, masked.</summary>
    public required IReadOnlyList<string> Outside { get; init; }

    public string Text => $"mca-dibao 快照 #{SnapshotId}（{SnapshotDate:yyyy-MM-dd}）第 {Line} 行 案件 {CaseNo}：覆盖 {string.Join("、", Covered)}，未覆盖 {string.Join("、", LeftOut)}"
        + (Outside.Count > 0 ? $"，户外成员 {string.Join("、", Outside)}" : "");
}
