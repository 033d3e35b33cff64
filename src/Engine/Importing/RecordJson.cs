using System.Text.Json.Nodes;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;

namespace Monitoring.Engine.Importing;

/// <summary>A household record as a canonical JSON object and back.</summary>
public static class RecordJson
{
    public static JsonObject ToObject(HouseholdRecord record) => JsonNode.Parse(CanonicalRecord.Bytes(record))!.AsObject();

    public static HouseholdRecord ToRecord(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return CanonicalRecord.Parse(json.ToJsonString());
    }
}
