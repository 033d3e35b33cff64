using System.Diagnostics;
using System.Text;

namespace Monitoring.Tests.Shared;

/// <summary>How a test starts the built <c>monitoring</c> program as a real process: <c>dotnet monitoring.dll</c> with the
/// arguments, UTF-8 output captured and the repository's rules (a linked source file: tests/Shared).</summary>
internal static class MonitoringProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, bool redirectInput = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TestRepository.Cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MONITORING_RULES"] = TestRepository.Rules;
        return start;
    }
}
