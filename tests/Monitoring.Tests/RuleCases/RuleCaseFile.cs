using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Engine.Department;
using Monitoring.Rules.Department;
using Monitoring.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Tests.RuleCases;

/// <summary>Reads the OpenFisca-style rule cases under <c>rules/tests/</c>.</summary>
public static class RuleCaseFile
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<RuleCase> LoadAll()
    {
        if (!Directory.Exists(TestPaths.RuleTests))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(TestPaths.RuleTests, "*.yaml").Order(StringComparer.Ordinal).SelectMany(Load)];
    }

    public static IEnumerable<RuleCase> Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var file = Path.GetFileName(path);
        if (yaml.Documents.Count == 0)
        {
            yield break;
        }

        var cases = yaml.Documents[0].RootNode as YamlSequenceNode
            ?? throw new InvalidDataException($"{file}: 应为测试用例列表");
        foreach (var node in cases.Children.Cast<YamlMappingNode>())
        {
            var json = (JsonObject)YamlToJson.Convert(node)!;
            var name = json["name"]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: 用例缺少 name");
            var households = json["households"] is JsonArray list ? list.Select(n => n!).ToList() : [json["household"] ?? throw new InvalidDataException($"{file}: {name}: 缺少 household")];
            var householdId = json["householdId"]?.GetValue<string>() ?? households[0]["id"]!.GetValue<string>();
            yield return new RuleCase
            {
                File = file,
                Name = name,
                AsOf = DateOnly.ParseExact(json["asOf"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Profile = json["profile"]?.GetValue<string>() ?? "cn-national",
                HouseholdLines = [.. households.Select(h => h.ToJsonString(Compact))],
                HouseholdId = householdId,
                Rosters = Rosters(json["rosters"], file, name),
                Area = json["area"] is JsonObject area ? (area["countyCode"]!.GetValue<string>(), area["list"]!.GetValue<string>()) : null,
                Fired = Strings(json["fired"]),
                NotFired = Strings(json["notFired"]),
                NotEvaluable = Strings(json["notEvaluable"]),
            };
        }
    }

    /// <summary>
    /// <c>rosters:</c> — a list of <c>{ list, county, snapshot, lines: [...] }</c>, each line an object of department-data.md,
    /// validated as an import would.
    /// </summary>
    private static List<RosterSnapshot> Rosters(JsonNode? node, string file, string name)
    {
        var snapshots = new List<RosterSnapshot>();
        if (node is not JsonArray list)
        {
            return snapshots;
        }

        foreach (var item in list.OfType<JsonObject>())
        {
            var listId = item["list"]!.GetValue<string>();
            var kind = DepartmentLists.KindOf(listId) ?? throw new InvalidDataException($"{file}: {name}: 未知名单 {listId}");
            var lines = new List<NumberedRosterLine>();
            var number = 0;
            foreach (var line in (item["lines"] as JsonArray ?? []).Select(l => l!))
            {
                number++;
                var entry = RosterFileReader.ParseJson(System.Text.Encoding.UTF8.GetBytes(line.ToJsonString(Compact)), number, kind);
                if (entry.Line is null)
                {
                    throw new InvalidDataException($"{file}: {name}: {listId} " + string.Join("; ", entry.Problems));
                }

                lines.Add(new NumberedRosterLine(number, entry.Line));
            }

            snapshots.Add(new RosterSnapshot(snapshots.Count + 1, listId, item["county"]!.GetValue<string>(),
                DateOnly.ParseExact(item["snapshot"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture), lines));
        }

        return snapshots;
    }

    private static string[] Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : [];
}
