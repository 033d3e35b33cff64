namespace Monitoring.Rules.Facts;

/// <summary>
/// What the department rosters of the household's county say about it (<c>h.Department</c>; department-data.md), built
/// by the engine from a roster index: the newest snapshot of each list, and per check the differences between record
/// and roster (computed against each list's newest snapshot; whether that snapshot is current is the rule's condition
/// <see cref="Current"/>, with the county's <c>rosterMaxAgeDays</c>). Not thread-safe: one per household evaluation.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Rule expressions call these through h.Department; dynamic LINQ binds instance members.")]
public sealed class DepartmentFacts
{
    /// <summary>No roster delivered for the county and no other household shares a member.</summary>
    public static DepartmentFacts None(DateOnly asOf) => new() { AsOf = asOf };

    public DateOnly AsOf { get; init; }

    /// <summary>The newest snapshot of each roster list (not warn-*) for the county, on or before the evaluation date.</summary>
    public IReadOnlyDictionary<string, RosterState> Newest { get; init; } = new Dictionary<string, RosterState>();

    /// <summary>DEPT-DIBAO-MISMATCH: dibao in <c>assistance</c> against mca-dibao.</summary>
    public IReadOnlyList<RosterDifference> Dibao { get; init; } = [];

    /// <summary>DEPT-DIBAO-MISMATCH: tekun in <c>assistance</c> against mca-tekun.</summary>
    public IReadOnlyList<RosterDifference> Tekun { get; init; } = [];

    /// <summary>DEPT-DIBAO-SPLIT: the current dibao cases that cover some members, each with the members left out.</summary>
    public IReadOnlyList<SplitCaseFacts> DibaoCases { get; init; } = [];

    /// <summary>DEPT-INSURANCE-MISMATCH: medicalInsurance against nhsa-enrollment for the as-of year.</summary>
    public IReadOnlyList<RosterDifference> Insurance { get; init; } = [];

    /// <summary>DEPT-SCHOOL-MISMATCH: schooling against moe-students (every age; the rule filters the ages).</summary>
    public IReadOnlyList<RosterDifference> School { get; init; } = [];

    /// <summary>DEPT-DISABILITY-MISMATCH: disabilityGrade against cdpf-disabled.</summary>
    public IReadOnlyList<RosterDifference> DisabilityGrades { get; init; } = [];

    /// <summary>DEPT-DISABILITY-MISMATCH: the allowances against mca-disability-subsidy.</summary>
    public IReadOnlyList<RosterDifference> DisabilityAllowances { get; init; } = [];

    /// <summary>DEPT-HOUSING-MISMATCH: housing against the head's newest mohurd-appraisal line.</summary>
    public IReadOnlyList<RosterDifference> Housing { get; init; } = [];

    /// <summary>Every warn-* line (all snapshots) naming a member, oldest first.</summary>
    public IReadOnlyList<WarningFacts> Warnings { get; init; } = [];

    /// <summary>Members who are also members of other households (DATA-DUPLICATE-PERSON).</summary>
    public IReadOnlyList<DuplicatePersonFacts> Duplicates { get; init; } = [];

    /// <summary>Why the rule being evaluated could not be: a roster it needs is not current. Reset per rule.</summary>
    public string? NotEvaluableReason { get; private set; }

    public void BeginRule() => NotEvaluableReason = null;

    /// <summary>
    /// The list's newest snapshot for the county is at most <paramref name="maxAgeDays"/> days old (department-data.md
    /// "current"). When not, the rule being evaluated is reported not evaluable for the household.
    /// </summary>
    public bool Current(string listId, int maxAgeDays)
    {
        if (Newest.TryGetValue(listId, out var state) && AsOf.DayNumber - state.SnapshotDate.DayNumber <= maxAgeDays)
        {
            return true;
        }

        NotEvaluableReason ??= state is null
            ? $"本县没有 {listId} 名单的快照，该项比对无法评估"
            : $"{listId} 最新快照 #{state.SnapshotId}（{state.SnapshotDate:yyyy-MM-dd}）已 {AsOf.DayNumber - state.SnapshotDate.DayNumber} 天，超过 {maxAgeDays} 天，不是现行名单，该项比对无法评估";
        return false;
    }

    /// <summary>Whether the list's newest snapshot is current, without marking the rule not evaluable (for a finding's values).</summary>
    public bool IsCurrent(string listId, int maxAgeDays) =>
        Newest.TryGetValue(listId, out var state) && AsOf.DayNumber - state.SnapshotDate.DayNumber <= maxAgeDays;

    /// <summary>"mca-dibao 快照 #12（2022-06-15）" for the values of a finding; empty when the county has none.</summary>
    public string Snapshot(string listId) =>
        Newest.TryGetValue(listId, out var state) ? $"{listId} 快照 #{state.SnapshotId}（{state.SnapshotDate:yyyy-MM-dd}）" : "";

    /// <summary>Texts joined with "；" (a finding's values and sentence).</summary>
    public string Join(IEnumerable<string> texts) => string.Join("；", texts);

    /// <summary>The members the differences name, each once, in order.</summary>
    public IReadOnlyList<string> MemberIds(IEnumerable<RosterDifference> differences) => [.. differences.Select(d => d.MemberId).Distinct()];

    /// <summary>The members the warnings name, each once, in order.</summary>
    public IReadOnlyList<string> WarnedMemberIds(IEnumerable<WarningFacts> warnings) => [.. warnings.Select(w => w.MemberId).Distinct()];

    /// <summary>Several lists flattened, each item once, in order (members covered or left out by split cases).</summary>
    public IReadOnlyList<string> Flatten(IEnumerable<IReadOnlyList<string>> lists) => [.. lists.SelectMany(l => l).Distinct()];
}
