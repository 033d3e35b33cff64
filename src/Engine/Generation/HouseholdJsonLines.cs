using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Monitoring.Engine.Records;

namespace Monitoring.Engine.Generation;

/// <summary>
/// Writes household records as JSON Lines (household-format.md): one compact UTF-8 object per line, camelCase,
/// null fields left out, Chinese written as is (not \u-escaped).
/// </summary>
public static class HouseholdJsonLines
{
    private const int FlushThreshold = 1 << 16;

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        WriteIndented = false,
    };

    private static readonly JsonTypeInfo<HouseholdRecord> TypeInfo = new RecordJsonContext(Options).HouseholdRecord;

    /// <summary>Writes each record followed by a newline; flushes <paramref name="output"/> at the end but does not close it.</summary>
    public static void Write(Stream output, IEnumerable<HouseholdRecord> records)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(records);
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, Indented = false });
        foreach (var record in records)
        {
            JsonSerializer.Serialize(writer, record, TypeInfo);
            writer.Flush();
            writer.Reset();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            if (buffer.WrittenCount >= FlushThreshold)
            {
                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        output.Write(buffer.WrittenSpan);
        output.Flush();
    }

    /// <summary>One record as one compact JSON object (no trailing newline).</summary>
    public static string Serialize(HouseholdRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(record, TypeInfo);
    }
}
