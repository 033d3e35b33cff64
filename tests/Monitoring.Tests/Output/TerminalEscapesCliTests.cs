using Monitoring.Tests.Support;

namespace Monitoring.Tests.Output;

/// <summary>Escape sequences and bidi overrides typed into record fields reach the terminal escaped, never raw.</summary>
public sealed class TerminalEscapesCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("monitoring-escapes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Control_characters_in_fields_are_printed_escaped()
    {
        var household = SampleHousehold.Create();
        household["id"] = "h-\u001b[2J-1";
        household["region"]!["village"] = "东风村\u001b]0;pwned\u0007";
        household["members"]![0]!["id"] = "m\u202e1";
        var input = Path.Combine(_dir, "escapes.jsonl");
        File.WriteAllText(input, SampleHousehold.Line(household) + "\n");

        var (exit, stdout, stderr) = CliProcess.Run("explain", "--input", input, "--household", "h-\u001b[2J-1", "--as-of", "2022-06-30");

        Assert.True(exit == 0, stderr);
        Assert.Contains("户 h-\\u001b[2J-1", stdout, StringComparison.Ordinal);
        Assert.Contains("东风村\\u001b]0;pwned\\u0007", stdout, StringComparison.Ordinal);
        Assert.Contains("m\\u202e1", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout + stderr);
        Assert.DoesNotContain('\u202e', stdout + stderr);

        var missing = CliProcess.Run("explain", "--input", input, "--household", "x\u001b[31m", "--as-of", "2022-06-30");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("x\\u001b[31m", missing.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', missing.Stderr);
    }
}
