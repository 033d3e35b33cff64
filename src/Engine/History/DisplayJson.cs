using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitoring.Engine.History;

/// <summary>
/// How a changed value is written for people to read: JSON with Chinese and other non-ASCII text as it is (the default
/// encoder writes <c>\u5468</c> for 周). Only for display and for comparing two values written the same way.
/// </summary>
internal static class DisplayJson
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
