using Monitoring.Rules.Department;
using System.Text.Json.Serialization;

namespace Monitoring.Engine.Department;

/// <summary>Source-generated System.Text.Json metadata for department roster lines (camelCase, unknown fields ignored, nulls left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(RosterLine))]
public sealed partial class RosterJsonContext : JsonSerializerContext;
