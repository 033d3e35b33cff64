using System.Globalization;
using System.Text.Json;
using Monitoring.Engine.History;
using Monitoring.Store.History;

namespace Monitoring.Worker.Cli;

/// <summary>Prints a household's timeline (<see cref="HouseholdHistory"/>) in Chinese: one block per change, what changed indented.</summary>
public static class HistoryPrinter
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static void Print(TextWriter output, string householdId, IReadOnlyList<HouseholdTimelineEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timeline);
        output.WriteLine($"户 {HouseholdDiffText.Mask(householdId)} 的变更记录（共 {timeline.Count} 条，记录时间为北京时间）");
        foreach (var (change, diff) in timeline)
        {
            output.WriteLine();
            output.WriteLine(Heading(change));
            var from = change.PreviousHash is { } previous ? previous[..12] : "（无）";
            output.WriteLine($"    版本 {from} → {change.NewHash[..12]}");
            if (change.PreviousHash is null)
            {
                output.WriteLine(change.Source == ChangeSources.Baseline ? "    启用变更日志前的版本（此前的变更未记录）" : "    首次建立本户记录");
                continue;
            }

            if (diff.IsEmpty)
            {
                output.WriteLine("    户记录内容未变");
            }

            foreach (var line in HouseholdDiffText.Lines(diff))
            {
                output.WriteLine("    " + line);
            }
        }
    }

    private static string Heading(HouseholdChange change)
    {
        var recorded = change.RecordedAt.ToOffset(China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var described = change.Source == ChangeSources.Baseline ? "日期不详" : change.DescribedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parts = new List<string>
        {
            $"#{change.Id} {recorded} 记录，所述日期 {described}",
            ChangeSources.Zh(change.Source) + Command(change),
            $"{HouseholdDiffText.Mask(change.Actor)}（{HouseholdDiffText.Mask(change.Client)}）",
        };
        if (change.FileName is { } file)
        {
            parts.Add($"文件 {HouseholdDiffText.Mask(file)}" + (change.Line is { } line ? $" 第 {line} 行" : ""));
        }

        if (change.Mode is { } mode)
        {
            parts.Add(mode == "merge" ? "合并" : "替换");
        }

        if (Removed(change) is { } removed)
        {
            parts.Add($"经 --allow-removals 允许删除 {removed} 项");
        }

        return string.Join(" · ", parts);
    }

    private static string Command(HouseholdChange change)
    {
        if (change.DetailsJson is null)
        {
            return "";
        }

        using var details = JsonDocument.Parse(change.DetailsJson);
        if (!details.RootElement.TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.String)
        {
            return "";
        }

        var log = details.RootElement.TryGetProperty("caseLogId", out var id) && id.ValueKind == JsonValueKind.Number ? $"，案件日志 #{id.GetInt64()}" : "";
        return $" {command.GetString()}{log}";
    }

    private static int? Removed(HouseholdChange change)
    {
        if (change.DetailsJson is null)
        {
            return null;
        }

        using var details = JsonDocument.Parse(change.DetailsJson);
        return details.RootElement.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.Array ? removed.GetArrayLength() : null;
    }
}
