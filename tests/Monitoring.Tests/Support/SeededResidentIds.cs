using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Engine.Generation;

namespace Monitoring.Tests.Support;

/// <summary>
/// Households with valid resident ID numbers typed into every text field: the household id, province, county, town and
/// village names, member ids and names, event notes and helper names (the same helper keeps the same number, so helper
/// groups stay whole). For tests that check no output shows them in clear.
/// </summary>
internal static class SeededResidentIds
{
    /// <summary>A valid number for a field (1–9) and a sequence number; distinct for distinct arguments.</summary>
    public static string For(int field, int n) =>
        ResidentIdScanner.Valid(string.Create(CultureInfo.InvariantCulture, $"61072{field}{1950 + (n / 1000)}0101{n % 1000:D3}"));

    /// <summary>The masked form every output shows of <paramref name="id"/>.</summary>
    public static string Masked(string id) => id[..6] + "********" + id[14..];

    /// <summary><paramref name="count"/> generated households (JSON) with numbers in every text field.</summary>
    public static List<JsonObject> Generated(int count, DateOnly asOf, int seed = 11)
    {
        var helpers = new Dictionary<string, string>(StringComparer.Ordinal);
        var households = new List<JsonObject>();
        var index = 0;
        foreach (var record in new HouseholdGenerator(seed, asOf).GenerateMany(count))
        {
            var household = JsonNode.Parse(HouseholdJsonLines.Serialize(record))!.AsObject();
            Seed(household, index++, helpers);
            households.Add(household);
        }

        return households;
    }

    /// <summary>Puts numbers into every text field of one household (JSON as the interchange format has it).</summary>
    public static void Seed(JsonObject household, int index, Dictionary<string, string> helpers)
    {
        household["id"] = For(1, index);
        if (household["region"] is JsonObject region)
        {
            region["province"] = $"{region["province"]}{For(2, index)}";
            region["county"] = $"{region["county"]}（{For(3, index)}）";
            region["town"] = $"{region["town"]} {For(4, index)}";
            region["village"] = $"{For(5, index)}{region["village"]}";
        }

        var memberIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var k = 0;
        foreach (var member in household["members"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var newId = For(6, (index * 10) + k++);
            memberIds[member["id"]!.GetValue<string>()] = newId;
            member["id"] = newId;
            member["name"] = $"{member["name"]}{For(7, (index * 10) + k)}";
        }

        foreach (var e in household["events"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            e["note"] = $"{e["note"]}，身份证号 {For(8, index)}";
        }

        foreach (var expense in household["expenses"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (expense["memberId"]?.GetValue<string>() is { } memberId && memberIds.TryGetValue(memberId, out var renamed))
            {
                expense["memberId"] = renamed;
            }
        }

        if (household["helper"] is JsonObject helper && helper["name"]?.GetValue<string>() is { } name)
        {
            if (!helpers.TryGetValue(name, out var seeded))
            {
                seeded = $"{name}{For(9, helpers.Count)}";
                helpers[name] = seeded;
            }

            helper["name"] = seeded;
        }
    }
}
