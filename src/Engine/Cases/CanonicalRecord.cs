using System.Security.Cryptography;
using System.Text.Json;
using Monitoring.Engine.Records;

namespace Monitoring.Engine.Cases;

/// <summary>
/// The canonical JSON of a household record and its SHA-256, exactly as the store keys household versions
/// (<c>JsonSerializer.SerializeToUtf8Bytes(record, RecordJsonContext.Default.HouseholdRecord)</c>).
/// </summary>
public static class CanonicalRecord
{
    public static byte[] Bytes(HouseholdRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, RecordJsonContext.Default.HouseholdRecord);

    public static string Hash(byte[] canonicalJson) => Convert.ToHexStringLower(SHA256.HashData(canonicalJson));

    public static HouseholdRecord Parse(string json) =>
        JsonSerializer.Deserialize(json, RecordJsonContext.Default.HouseholdRecord) ?? throw new JsonException("户记录为空");

    /// <summary>A deep copy, so a command never changes the version it started from.</summary>
    public static HouseholdRecord Clone(HouseholdRecord record) =>
        JsonSerializer.Deserialize(Bytes(record), RecordJsonContext.Default.HouseholdRecord)!;
}
