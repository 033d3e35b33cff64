using System.Text.Json.Nodes;

namespace Monitoring.Engine.Importing;

/// <summary>Matches the members of two versions of a household: by resident ID number first, then by member id.</summary>
public static class MemberMatcher
{
    /// <summary>For each member of <paramref name="later"/>, the index of its match in <paramref name="earlier"/>, or null.</summary>
    public static int?[] Match(JsonArray earlier, JsonArray later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var result = new int?[later.Count];
        var taken = new bool[earlier.Count];
        foreach (var field in (string[])["idNumber", "id"])
        {
            for (var i = 0; i < later.Count; i++)
            {
                if (result[i] is not null || Text(later[i], field) is not { } key)
                {
                    continue;
                }

                for (var j = 0; j < earlier.Count; j++)
                {
                    if (!taken[j] && Text(earlier[j], field) == key)
                    {
                        result[i] = j;
                        taken[j] = true;
                        break;
                    }
                }
            }
        }

        return result;
    }

    private static string? Text(JsonNode? member, string field) =>
        member?[field] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
