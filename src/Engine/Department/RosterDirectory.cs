using Monitoring.Engine.Validation;
using Monitoring.Rules.Department;

namespace Monitoring.Engine.Department;

/// <summary>A roster file that cannot be read: every problem with its line or row, as an import would report them.</summary>
public sealed class RosterFileException(string message, IReadOnlyList<RecordProblem> problems) : Exception(message)
{
    public IReadOnlyList<RecordProblem> Problems { get; } = problems;
}

/// <summary>
/// Loads the snapshots of a roster directory without the store (<c>evaluate --rosters DIR</c>): every file named by
/// <see cref="RosterFileName"/>, ids 1, 2, … in file-name order.
/// </summary>
public static class RosterDirectory
{
    public static IReadOnlyList<RosterSnapshot> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"找不到部门名单目录 {directory}");
        }

        var snapshots = new List<RosterSnapshot>();
        long id = 0;
        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (RosterFileName.Parse(name) is not { } parsed)
            {
                continue;
            }

            using var stream = File.OpenRead(path);
            var entries = RosterFileReader.Read(stream, name, DepartmentLists.KindOf(parsed.ListId)!.Value).ToList();
            var problems = entries.SelectMany(e => e.Problems).ToList();
            if (problems.Count > 0)
            {
                throw new RosterFileException($"部门名单 {name} 有 {problems.Count} 处错误", problems);
            }

            snapshots.Add(new RosterSnapshot(++id, parsed.ListId, parsed.CountyCode, parsed.Snapshot,
                [.. entries.Select(e => new NumberedRosterLine((int)e.Number, e.Line!))]));
        }

        return snapshots;
    }
}
