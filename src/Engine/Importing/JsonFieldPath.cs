using System.Text.Json.Nodes;

namespace Monitoring.Engine.Importing;

/// <summary>Reads and writes a dotted field path (<c>region.countyCode</c>, <c>employment.status</c>) in a JSON object.</summary>
internal static class JsonFieldPath
{
    public static JsonNode? Get(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Copies the value at <paramref name="path"/> from <paramref name="source"/> into <paramref name="target"/>; a missing or null value removes the field.</summary>
    public static void Copy(JsonObject source, JsonObject target, string path)
    {
        var value = Get(source, path);
        var segments = path.Split('.');
        var parent = target;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (parent[segments[i]] is JsonObject child)
            {
                parent = child;
                continue;
            }

            if (value is null)
            {
                return;
            }

            child = [];
            parent[segments[i]] = child;
            parent = child;
        }

        if (value is null)
        {
            parent.Remove(segments[^1]);
        }
        else
        {
            parent[segments[^1]] = value.DeepClone();
        }
    }
}
