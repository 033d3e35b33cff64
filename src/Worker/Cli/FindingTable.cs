using System.Text.Json;
using System.Text;
using Monitoring.Rules.Codes;

namespace Monitoring.Worker.Cli;

/// <summary>Renders findings JSON Lines as a plain-text table for reading on screen.</summary>
public static class FindingTable
{
    public static void Write(Stream jsonLines, TextWriter writer)
    {
        writer.WriteLine("户编码\t规则\t成员\t级别\t说明");
        using var reader = new StreamReader(jsonLines, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var member = root.GetProperty("memberId").ValueKind == JsonValueKind.String ? root.GetProperty("memberId").GetString() : "";
            var severity = DomainLabels.Severities.Zh(root.GetProperty("severity").GetString());
            writer.WriteLine($"{root.GetProperty("householdId").GetString() ?? (root.TryGetProperty("area", out var area) ? $"区域 {area.GetProperty("countyCode").GetString()}/{area.GetProperty("list").GetString()}" : "")}\t{root.GetProperty("ruleId").GetString()}\t{member}\t{severity}\t{root.GetProperty("explanation").GetString()}");
        }
    }
}
