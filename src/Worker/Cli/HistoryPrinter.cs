using Monitoring.Engine.History;
using Monitoring.Store.History;

namespace Monitoring.Worker.Cli;

/// <summary>Prints a household's timeline (<see cref="HouseholdHistory"/>) in Chinese: one block per change, what changed indented
/// (<see cref="HouseholdTimelineText"/>, the text the household page shows).</summary>
public static class HistoryPrinter
{
    public static void Print(TextWriter output, string householdId, IReadOnlyList<HouseholdTimelineEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timeline);
        output.WriteLine($"户 {HouseholdDiffText.Mask(householdId)} 的变更记录（共 {timeline.Count} 条，记录时间为北京时间）");
        foreach (var entry in timeline)
        {
            output.WriteLine();
            output.WriteLine(HouseholdTimelineText.Heading(entry.Change));
            foreach (var line in HouseholdTimelineText.Details(entry))
            {
                output.WriteLine("    " + line);
            }
        }
    }
}
