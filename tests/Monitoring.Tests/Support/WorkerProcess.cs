using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Monitoring.Tests.Support;

/// <summary>Starts the built <c>monitoring</c> program as a separate process and keeps what it wrote to stderr.</summary>
internal static class WorkerProcess
{
    private static readonly ConditionalWeakTable<Process, StringBuilder> ErrorOutput = [];

    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(TestPaths.CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MONITORING_RULES"] = TestPaths.Rules;
        var process = Process.Start(start)!;
        var errors = new StringBuilder();
        ErrorOutput.Add(process, errors);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static string Errors(Process process)
    {
        if (!ErrorOutput.TryGetValue(process, out var text))
        {
            return "";
        }

        lock (text)
        {
            return text.ToString();
        }
    }
}
