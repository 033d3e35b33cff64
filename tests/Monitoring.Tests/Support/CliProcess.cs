using System.Diagnostics;
using Monitoring.Tests.Shared;

namespace Monitoring.Tests.Support;

/// <summary>Runs the built <c>monitoring</c> CLI as a real process, as a user would.</summary>
internal static class CliProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = MonitoringProcess.StartInfo(args);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("monitoring CLI did not finish in 120 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
