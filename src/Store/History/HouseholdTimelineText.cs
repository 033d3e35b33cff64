using System.Globalization;
using System.Text.Json;
using Monitoring.Engine.History;

namespace Monitoring.Store.History;

/// <summary>
/// One change of a household's timeline (<see cref="HouseholdHistory"/>) in Chinese — a heading (when recorded, the date it
/// describes, by which import or command, by whom from where) and what changed — for <c>history</c> and the household page
/// alike. Resident ID numbers are masked.
/// </summary>
public static class HouseholdTimelineText
{
    public static string Heading(HouseholdChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var recorded = ChinaTime.Local(change.RecordedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
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

    /// <summary>The versions before and after, then one line per change (or why there is nothing to compare).</summary>
    public static IReadOnlyList<string> Details(HouseholdTimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (change, diff) = entry;
        var from = change.PreviousHash is { } previous ? previous[..12] : "（无）";
        var lines = new List<string> { $"版本 {from} → {change.NewHash[..12]}" };
        if (change.PreviousHash is null)
        {
            lines.Add(change.Source == ChangeSources.Baseline ? "启用变更日志前的版本（此前的变更未记录）" : "首次建立本户记录");
            return lines;
        }

        if (diff.IsEmpty)
        {
            lines.Add("户记录内容未变");
        }

        lines.AddRange(HouseholdDiffText.Lines(diff));
        return lines;
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
