using System.Text.Json.Nodes;
using Monitoring.Engine.Output;
using Monitoring.Engine.Validation;

namespace Monitoring.Store.Web;

/// <summary>
/// Masks resident ID numbers (18 characters whose GB 11643 check digit is right) wherever they stand in a text, and every
/// <c>idNumber</c> field of a record, before anything leaves the store for the web.
/// </summary>
public static class ResidentIdText
{
    public static string Mask(string text) => ResidentIdMasking.Apply(text);

    /// <summary>The record JSON with every <c>idNumber</c> masked and any ID number typed into another field masked.</summary>
    public static JsonNode? MaskRecord(string recordJson)
    {
        var node = JsonNode.Parse(recordJson);
        MaskNode(node);
        return node;
    }

    private static void MaskNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        obj[key] = key == "idNumber" ? ResidentIdNumber.Mask(text) : Mask(text);
                    }
                    else
                    {
                        MaskNode(value);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        array[i] = Mask(text);
                    }
                    else
                    {
                        MaskNode(array[i]);
                    }
                }

                break;
        }
    }
}
