using Monitoring.Rules.Department;
using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Department;

/// <summary>
/// The snapshots a run reads, indexed by county and trimmed, upper-cased resident ID (department-data.md): of each roster
/// list only the county's newest snapshot on or before the evaluation date; of warn-* lists every snapshot up to it.
/// Immutable once built; shared by the evaluating threads.
/// </summary>
public sealed class RosterIndex
{
    private readonly Dictionary<string, Dictionary<string, RosterSnapshot>> _newest = new(StringComparer.Ordinal);
    private readonly Dictionary<(string County, string IdNumber), List<RosterHit>> _byPerson = [];

    public static RosterIndex Empty { get; } = new([], DateOnly.MaxValue);

    /// <param name="snapshots">Every snapshot available (any date); those after <paramref name="asOf"/> are not read.</param>
    public RosterIndex(IEnumerable<RosterSnapshot> snapshots, DateOnly asOf)
    {
        var read = new List<RosterSnapshot>();
        var warnings = new List<RosterSnapshot>();
        foreach (var snapshot in snapshots)
        {
            if (snapshot.SnapshotDate > asOf)
            {
                continue;
            }

            if (snapshot.IsWarning)
            {
                warnings.Add(snapshot);
                continue;
            }

            if (!_newest.TryGetValue(snapshot.CountyCode, out var lists))
            {
                lists = new Dictionary<string, RosterSnapshot>(StringComparer.Ordinal);
                _newest[snapshot.CountyCode] = lists;
            }

            if (!lists.TryGetValue(snapshot.ListId, out var newest)
                || snapshot.SnapshotDate > newest.SnapshotDate
                || (snapshot.SnapshotDate == newest.SnapshotDate && snapshot.Id > newest.Id))
            {
                lists[snapshot.ListId] = snapshot;
            }
        }

        read.AddRange(_newest.Values.SelectMany(l => l.Values));
        read.AddRange(warnings);
        read.Sort((a, b) => a.Id.CompareTo(b.Id));
        Snapshots = read;
        foreach (var snapshot in read)
        {
            foreach (var line in snapshot.Lines)
            {
                foreach (var person in line.Line.People())
                {
                    var key = (snapshot.CountyCode, person);
                    if (!_byPerson.TryGetValue(key, out var hits))
                    {
                        hits = new List<RosterHit>(1);
                        _byPerson[key] = hits;
                    }

                    hits.Add(new RosterHit(snapshot, line));
                }
            }
        }

        // Warnings oldest first, so a household's warnings come in date order.
        foreach (var hits in _byPerson.Values)
        {
            if (hits.Count > 1)
            {
                hits.Sort(static (a, b) => a.Snapshot.Id != b.Snapshot.Id ? a.Snapshot.Id.CompareTo(b.Snapshot.Id) : a.Line.Number.CompareTo(b.Line.Number));
            }
        }
    }

    /// <summary>The snapshots read (newest of each roster list and county, every warn-* snapshot), by id: what a run records it used.</summary>
    public IReadOnlyList<RosterSnapshot> Snapshots { get; }

    public bool IsEmpty => Snapshots.Count == 0;

    /// <summary>The newest snapshot of each roster list for the county.</summary>
    public IReadOnlyDictionary<string, RosterSnapshot> NewestOf(string countyCode) =>
        _newest.TryGetValue(countyCode, out var lists) ? lists : EmptyLists;

    /// <summary>The lines that name the person in the county's snapshots read.</summary>
    public IReadOnlyList<RosterHit> Find(string countyCode, string idNumber) =>
        _byPerson.TryGetValue((countyCode, idNumber), out var hits) ? hits : [];

    /// <summary>
    /// Every county and list delivered (a list is expected of a county once it has delivered it), with its newest snapshot:
    /// what the area rules (DEPT-FEED-LATE) read, in county then list order.
    /// </summary>
    public IReadOnlyList<AreaFacts> Areas(DateOnly asOf) =>
    [
        .. Snapshots.GroupBy(s => (s.CountyCode, s.ListId))
            .Select(g => g.OrderBy(s => s.SnapshotDate).ThenBy(s => s.Id).Last())
            .OrderBy(s => s.CountyCode, StringComparer.Ordinal).ThenBy(s => s.ListId, StringComparer.Ordinal)
            .Select(s => new AreaFacts
            {
                CountyCode = s.CountyCode,
                ListId = s.ListId,
                IsWarningList = s.IsWarning,
                SnapshotId = s.Id,
                NewestSnapshot = s.SnapshotDate,
                DaysSinceNewest = asOf.DayNumber - s.SnapshotDate.DayNumber,
            }),
    ];

    private static readonly Dictionary<string, RosterSnapshot> EmptyLists = new(StringComparer.Ordinal);
}
