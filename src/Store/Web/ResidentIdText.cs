using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Monitoring.Engine.Validation;

namespace Monitoring.Store.Web;

/// <summary>
/// Masks resident ID numbers (18 characters whose GB 11643 check digit is right) wherever they stand in a text, and every
/// <c>idNumber</c> field of a record, before anything leaves the store for the web.
/// </summary>
public static partial class ResidentIdText
{
    [GeneratedRegex("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdLike();

    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length < 18
            ? text
            : IdLike().Replace(text, m => ResidentIdNumber.CheckDigit(m.ValueSpan[..17]) == char.ToUpperInvariant(m.Value[17]) ? ResidentIdNumber.Mask(m.Value) : m.Value);
    }

    /// <summary>True when the text holds an unmasked resident ID number.</summary>
    public static bool HoldsResidentId(string text) =>
        IdLike().Matches(text).Any(m => ResidentIdNumber.CheckDigit(m.ValueSpan[..17]) == char.ToUpperInvariant(m.Value[17]));

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
