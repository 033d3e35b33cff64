using Monitoring.Engine.Formats;
using Monitoring.Engine.History;
using Monitoring.Engine.Output;
using Monitoring.Store.Importing;

namespace Monitoring.Worker.Cli;

/// <summary>
/// The import's report (<c>--report F.xlsx</c>): one row per change of each household the import adds or changes
/// (户编码, line or row, what, the change in Chinese). Written to a temporary name beside the target and renamed when
/// complete, so the file appears only whole.
/// </summary>
public static class ImportReportWriter
{
    public static void Write(string path, string title, string unitName, IEnumerable<ImportedHousehold> households)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(households);
        using var file = AtomicFile.Create(path);
        TableXlsxWriter.Write(file.Stream, "导入变更", title, ["户编码", unitName, "变化", "内容"], Rows(households), [22, 10, 10, 90]);
        file.Commit();
    }

    /// <summary>The Chinese lines of one household's change (new: one line).</summary>
    public static IEnumerable<string> Lines(ImportedHousehold household)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (household.New || household.Diff is null)
        {
            return ["新增农户"];
        }

        var lines = HouseholdDiffText.Lines(household.Diff).ToList();
        return lines.Count == 0 ? ["户记录内容未变"] : lines;
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(IEnumerable<ImportedHousehold> households)
    {
        foreach (var household in households)
        {
            var what = household.New ? "新增" : household.HasRemovals ? "更新（含删除）" : "更新";
            foreach (var line in Lines(household))
            {
                yield return [HouseholdDiffText.Mask(household.HouseholdId), household.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), what, line];
            }
        }
    }
}
