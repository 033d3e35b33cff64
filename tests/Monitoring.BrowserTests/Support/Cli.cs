using System.Diagnostics;
using System.Text;
using Monitoring.Tests.Shared;

namespace Monitoring.BrowserTests.Support;

/// <summary>Runs the built <c>monitoring</c> program as a real process against one database, as an operator would.</summary>
internal sealed class Cli(string connectionString)
{
    /// <summary>Runs a verb to completion; throws with its output when it fails.</summary>
    public string Run(string? stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(args, redirectInput: stdin is not null))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"monitoring {string.Join(' ', args)} did not finish in 180 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"monitoring {string.Join(' ', args)} exited {process.ExitCode}: {stdout.Result}{stderr.Result}");
        }

        return stdout.Result;
    }

    /// <summary>Starts a long-running verb (the service); the caller stops it.</summary>
    public Process Start(StringBuilder log, params string[] args)
    {
        var process = Process.Start(StartInfo(args, redirectInput: false))!;
        void Append(object sender, DataReceivedEventArgs e)
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private ProcessStartInfo StartInfo(string[] args, bool redirectInput)
    {
        var start = MonitoringProcess.StartInfo(args, redirectInput);
        // The application connects as monitoring_app (no UPDATE/DELETE on evidence); migrations run as the owner.
        start.Environment["ConnectionStrings__Monitoring"] = connectionString.Replace("Username=postgres", "Username=monitoring_app", StringComparison.Ordinal);
        start.Environment["ConnectionStrings__MonitoringOwner"] = connectionString;
        // Plain HTTP on the loopback address: the cookies cannot be Secure-only here.
        start.Environment["Web__SecureCookies"] = "false";
        return start;
    }
}
