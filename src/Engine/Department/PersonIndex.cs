using System.Runtime.InteropServices;

namespace Monitoring.Engine.Department;

/// <summary>
/// The resident IDs that are members of two or more households (DATA-DUPLICATE-PERSON), each with its households in id
/// order. Built in two passes over the input so memory holds a 64-bit hash and a line number per person, not every ID.
/// </summary>
public sealed class PersonIndex
{
    private readonly Dictionary<string, string[]> _households;

    public static PersonIndex Empty { get; } = new(new Dictionary<string, string[]>(StringComparer.Ordinal));

    public PersonIndex(Dictionary<string, string[]> households) => _households = households;

    public int Count => _households.Count;

    /// <summary>The resident IDs shared by several households, with those households.</summary>
    public IReadOnlyDictionary<string, string[]> Shared => _households;

    /// <summary>
    /// <paramref name="scan"/> gives (line number, household id, trimmed upper-cased resident ID) of every member with an
    /// ID of the lines it is asked for: every line first (null), then only the lines holding an ID also seen on another
    /// line, so the second pass parses a few lines instead of the whole input again. Line numbers must be the same in both
    /// passes. IDs are compared by a 64-bit hash in the first pass and by their text in the second, so a hash collision
    /// only costs a few more lines parsed.
    /// </summary>
    public static PersonIndex Build(Func<IReadOnlySet<long>?, IEnumerable<(long Line, string HouseholdId, string IdNumber)>> scan)
    {
        var first = new Dictionary<ulong, long>();
        var shared = new HashSet<ulong>();
        var lines = new HashSet<long>();
        foreach (var (line, _, id) in scan(null))
        {
            var key = Hash(id);
            ref var firstLine = ref CollectionsMarshal.GetValueRefOrAddDefault(first, key, out var seen);
            if (!seen)
            {
                firstLine = line;
            }
            else if (firstLine != line)
            {
                shared.Add(key);
                lines.Add(firstLine);
                lines.Add(line);
            }
        }

        first = null;
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        if (shared.Count > 0)
        {
            foreach (var (_, household, id) in scan(lines))
            {
                if (shared.Contains(Hash(id)))
                {
                    if (!found.TryGetValue(id, out var set))
                    {
                        set = new SortedSet<string>(StringComparer.Ordinal);
                        found[id] = set;
                    }

                    set.Add(household);
                }
            }
        }

        return new PersonIndex(found.Where(f => f.Value.Count > 1).ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The other households the person is a member of (none when only this one).</summary>
    public IReadOnlyList<string> OthersOf(string idNumber, string householdId) =>
        _households.TryGetValue(idNumber, out var households) ? [.. households.Where(h => h != householdId)] : [];

    /// <summary>FNV-1a over the UTF-16 code units: a fast, stable 64-bit key (collisions only cost a second look).</summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
