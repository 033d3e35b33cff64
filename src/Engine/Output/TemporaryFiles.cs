using System.Diagnostics;
using System.Globalization;

namespace Monitoring.Engine.Output;

/// <summary>
/// Temporary files and folders of this program carry the id of the process that made them
/// (<c>monitoring-run-PID-…</c> nightly work folders, <c>monitoring-findings-PID-….run</c> sorter spills,
/// <c>monitoring-import-PID-….xlsx</c> spreadsheet copies, <c>monitoring-rules-PID-…</c> replayed rule sets,
/// <c>name.monitoring-PID-….tmp</c> output files); what a killed
/// process left behind is removed on the next start, and only when no process of that id is running any more.
/// </summary>
public static class TemporaryFiles
{
    /// <summary>The prefix of a temporary folder or file of this process in the system's temporary directory.</summary>
    public static string Prefix(string kind) => $"monitoring-{kind}-{Environment.ProcessId}-";

    /// <summary>Removes the temporary folders and files that ended processes left in the system's temporary directory.</summary>
    public static int RemoveStaleInTempDirectory() => RemoveStale(Path.GetTempPath(), "monitoring-*", PidOfTempEntry);

    /// <summary>Removes the entries matching <paramref name="pattern"/> in <paramref name="directory"/> whose process has ended.</summary>
    public static int RemoveStale(string directory, string pattern, Func<string, int?> pidOf)
    {
        ArgumentNullException.ThrowIfNull(pidOf);
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(directory, pattern).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        var removed = 0;
        foreach (var entry in entries)
        {
            if (pidOf(entry) is int pid && pid != Environment.ProcessId && !IsRunning(pid) && TryDelete(entry))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Deletes a file or folder; false when it could not be deleted (it is left for a later start).</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary><c>monitoring-run|findings|import-PID-…</c>: the process id, or null for any other name.</summary>
    internal static int? PidOfTempEntry(string path)
    {
        var parts = Path.GetFileName(path).Split('-', 4);
        return parts.Length == 4 && parts[0] == "monitoring" && parts[1] is "run" or "findings" or "import" or "rules"
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
