using System.Diagnostics;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Output;

/// <summary>Temporary folders and files a killed process left are removed when the program next starts; a live process's are kept.</summary>
public sealed class StaleTemporaryFilesTests
{
    [Fact]
    public void The_next_start_removes_what_ended_processes_left_and_keeps_what_running_ones_use()
    {
        var ended = EndedProcessId();
        var temp = Path.GetTempPath();
        var staleRun = Directory.CreateDirectory(Path.Combine(temp, $"monitoring-run-{ended}-stale{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(staleRun, "outcomes.copy"), "x");
        var staleSpill = Path.Combine(temp, $"monitoring-findings-{ended}-{Guid.NewGuid():N}.run");
        File.WriteAllText(staleSpill, "x");
        var liveRun = Directory.CreateDirectory(Path.Combine(temp, $"monitoring-run-{Environment.ProcessId}-live{Guid.NewGuid():N}")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(temp, $"monitoring-keep-{ended}-{Guid.NewGuid():N}")).FullName;
        try
        {
            var (exit, _, stderr) = CliProcess.Run("rules", "--as-of", "2022-06-30");
            Assert.True(exit == 0, stderr);

            Assert.False(Directory.Exists(staleRun), "a killed run's folder was kept");
            Assert.False(File.Exists(staleSpill), "a killed run's sorter spill was kept");
            Assert.True(Directory.Exists(liveRun), "a running process's folder was removed");
            Assert.True(Directory.Exists(other), "a folder of another kind was removed");
        }
        finally
        {
            Directory.Delete(liveRun, recursive: true);
            Directory.Delete(other, recursive: true);
        }
    }

    /// <summary>The id of a process that has just ended.</summary>
    private static int EndedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
