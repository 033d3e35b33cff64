namespace Monitoring.Engine.Department;

/// <summary>
/// The resident IDs that are members of two or more households (DATA-DUPLICATE-PERSON), each with its households in id
/// order. Built in two passes over (household, ID) pairs so memory holds a 64-bit hash per person, not every ID.
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
    /// <paramref name="pairs"/> is enumerated twice: (household id, trimmed upper-cased resident ID) of every member with an ID.
    /// </summary>
    public static PersonIndex Build(Func<IEnumerable<(string HouseholdId, string IdNumber)>> pairs)
    {
        var first = new Dictionary<ulong, ulong>();
        var shared = new HashSet<ulong>();
        foreach (var (household, id) in pairs())
        {
            var key = Hash(id);
            var owner = Hash(household);
            if (!first.TryAdd(key, owner) && first[key] != owner)
            {
                shared.Add(key);
            }
        }

        first.Clear();
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        if (shared.Count > 0)
        {
            foreach (var (household, id) in pairs())
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
