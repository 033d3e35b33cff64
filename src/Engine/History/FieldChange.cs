namespace Monitoring.Engine.History;

/// <summary>A field whose value differs between two versions (JSON field path; values as JSON text, null when absent).</summary>
public sealed record FieldChange(string Path, string? Before, string? After);
