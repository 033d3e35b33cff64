using System.Text.Json.Serialization;

namespace Monitoring.Engine.Records;

/// <summary>Source-generated System.Text.Json metadata for the interchange records (camelCase, unknown fields ignored).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(HouseholdRecord))]
public sealed partial class RecordJsonContext : JsonSerializerContext;
