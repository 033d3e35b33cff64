using System.Text.Json.Nodes;
using Monitoring.Engine.Importing;
using Monitoring.Engine.Records;

namespace Monitoring.Engine.History;

/// <summary>
/// Compares two versions of a household record: household fields (every leaf outside the list sections, by JSON path),
/// income cycles by year, members matched by resident ID then member id (their changed fields), visits, events, expenses,
/// and the case's inclusion steps, measures, release steps and revisits. Pure; the timeline and the import report use it.
/// </summary>
public static class HouseholdDiffer
{
    /// <summary>The list sections, in the order changes are listed.</summary>
    public static IReadOnlyList<string> Sections { get; } =
        ["incomes", "members", "visits", "events", "expenses", "case.inclusion", "case.measures", "case.release.steps", "case.release.revisits"];

    private static readonly HashSet<string> SectionRoots = new(StringComparer.Ordinal) { "id", "incomes", "members", "visits", "events", "expenses" };

    /// <summary>The changes from <paramref name="before"/> (null: nothing stored) to <paramref name="after"/>.</summary>
    public static HouseholdDiff Compare(HouseholdRecord? before, HouseholdRecord after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var a = before is null ? new JsonObject() : RecordJson.ToObject(before);
        var b = RecordJson.ToObject(after);
        var fields = CompareLeaves(Leaves(a, SectionRoots, CaseLists), Leaves(b, SectionRoots, CaseLists));
        var items = new List<ItemChange>();
        items.AddRange(Keyed("incomes", List(a, "incomes"), List(b, "incomes"), HouseholdMerger.CycleKey));
        items.AddRange(Members(List(a, "members"), List(b, "members")));
        foreach (var section in Sections.Skip(2))
        {
            items.AddRange(Multiset(section, List(a, section), List(b, section)));
        }

        return new HouseholdDiff(fields, items);
    }

    private static readonly HashSet<string> CaseLists = new(StringComparer.Ordinal) { "case.inclusion", "case.measures", "case.release.steps", "case.release.revisits" };

    private static JsonArray List(JsonObject root, string path) =>
        Get(root, path) as JsonArray ?? [];

    private static JsonNode? Get(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return node;
    }

    private static IEnumerable<ItemChange> Keyed(string section, JsonArray before, JsonArray after, Func<JsonNode?, string> key)
    {
        var earlier = before.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var later = after.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (k, node) in earlier)
        {
            if (!later.TryGetValue(k, out var next))
            {
                yield return new ItemChange(section, ChangeKind.Removed, Unquote(k), []);
            }
            else if (CompareLeaves(Leaves(node), Leaves(next)) is { Count: > 0 } changes)
            {
                yield return new ItemChange(section, ChangeKind.Changed, Unquote(k), changes);
            }
        }

        foreach (var k in later.Keys.Where(k => !earlier.ContainsKey(k)))
        {
            yield return new ItemChange(section, ChangeKind.Added, Unquote(k), []);
        }
    }

    private static IEnumerable<ItemChange> Members(JsonArray before, JsonArray after)
    {
        var matches = MemberMatcher.Match(before, after);
        var matched = new HashSet<int>(matches.OfType<int>());
        for (var i = 0; i < before.Count; i++)
        {
            if (!matched.Contains(i))
            {
                yield return new ItemChange("members", ChangeKind.Removed, MemberKey(before[i]), []);
            }
        }

        for (var i = 0; i < after.Count; i++)
        {
            if (matches[i] is not { } j)
            {
                yield return new ItemChange("members", ChangeKind.Added, MemberKey(after[i]), []);
            }
            else if (CompareLeaves(Leaves(before[j]), Leaves(after[i])) is { Count: > 0 } changes)
            {
                yield return new ItemChange("members", ChangeKind.Changed, MemberKey(after[i]), changes);
            }
        }
    }

    private static string MemberKey(JsonNode? member) =>
        $"{member?["id"]?.GetValue<string>()}{(member?["name"] is { } name ? " " + name.GetValue<string>() : "")}";

    private static IEnumerable<ItemChange> Multiset(string section, JsonArray before, JsonArray after)
    {
        var remaining = after.Select(n => n?.ToJsonString(DisplayJson.Options) ?? "null").ToList();
        foreach (var text in before.Select(n => n?.ToJsonString(DisplayJson.Options) ?? "null"))
        {
            if (!remaining.Remove(text))
            {
                yield return new ItemChange(section, ChangeKind.Removed, Unquote(text), []);
            }
        }

        foreach (var text in remaining)
        {
            yield return new ItemChange(section, ChangeKind.Added, Unquote(text), []);
        }
    }

    private static string Unquote(string json) =>
        json.Length >= 2 && json[0] == '"' && json[^1] == '"' ? json[1..^1] : json;

    private static Dictionary<string, string> Leaves(JsonNode? node, IReadOnlySet<string>? skip = null, IReadOnlySet<string>? skipNested = null)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? current, string path)
        {
            if (path.Length > 0 && ((skip?.Contains(path) ?? false) || (skipNested?.Contains(path) ?? false)))
            {
                return;
            }

            if (current is JsonObject obj)
            {
                foreach (var (name, child) in obj)
                {
                    Walk(child, path.Length == 0 ? name : path + "." + name);
                }
            }
            else if (current is not null)
            {
                leaves[path] = current.ToJsonString(DisplayJson.Options);
            }
        }

        Walk(node, "");
        return leaves;
    }

    private static List<FieldChange> CompareLeaves(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var changes = new List<FieldChange>();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var a = before.GetValueOrDefault(path);
            var b = after.GetValueOrDefault(path);
            if (a != b)
            {
                changes.Add(new FieldChange(path, a is null ? null : Unquote(a), b is null ? null : Unquote(b)));
            }
        }

        return changes;
    }
}
