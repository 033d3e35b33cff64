using System.Diagnostics;
using Monitoring.Tests.Shared;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Web;

/// <summary><c>monitoring users add|list|disable|enable|reset-password</c> as a real process.</summary>
public sealed class UsersCliTests : IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _db;

    public UsersCliTests(PostgresFixture db) => _db = db.Migrated();

    [Fact]
    public void Users_are_added_with_a_password_printed_once_or_read_from_stdin_listed_disabled_and_reset()
    {
        var generated = Users(null, "add", "--user", "cli-village", "--role", "village", "--area", "610728001001", "--display-name", "王村干");
        Assert.Equal(0, generated.ExitCode);
        var password = generated.Stdout.Split('\n').Single(l => l.StartsWith("初始密码", StringComparison.Ordinal)).Split('：')[1].Trim();
        Assert.True(password.Length >= 10);

        var fromStdin = Users("Stdin-Passw0rd\n", "add", "--user", "cli-town", "--role", "town", "--area", "610728001", "--password-stdin");
        Assert.Equal(0, fromStdin.ExitCode);
        Assert.DoesNotContain("初始密码", fromStdin.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Stdin-Passw0rd", fromStdin.Stdout + fromStdin.Stderr, StringComparison.Ordinal);

        var badArea = Users(null, "add", "--user", "cli-bad", "--role", "county", "--area", "61072");
        Assert.Equal(1, badArea.ExitCode);
        Assert.Contains("地区编码应为 6 位（县）、9 位（镇）或 12 位（村）数字", badArea.Stderr, StringComparison.Ordinal);
        var duplicate = Users(null, "add", "--user", "cli-town", "--role", "town", "--area", "610728001");
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("已存在", duplicate.Stderr, StringComparison.Ordinal);
        var weak = Users("short\n", "add", "--user", "cli-weak", "--role", "town", "--area", "610728001", "--password-stdin");
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("密码至少 10 个字符", weak.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, Users(null, "disable", "--user", "cli-town").ExitCode);
        var list = Users(null, "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("cli-village\tvillage\t610728001001\t王村干\t正常", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("cli-town\ttown\t610728001\t\t已停用", list.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("cli-bad", list.Stdout, StringComparison.Ordinal);

        var reset = Users(null, "reset-password", "--user", "cli-village");
        Assert.Equal(0, reset.ExitCode);
        Assert.NotEqual(password, reset.Stdout.Split('\n').Single(l => l.StartsWith("初始密码", StringComparison.Ordinal)).Split('：')[1].Trim());
        Assert.Equal(1, Users(null, "reset-password", "--user", "nobody").ExitCode);

        Assert.Equal(0, Users(null, "enable", "--user", "cli-town").ExitCode);
        Assert.Contains("cli-town\ttown\t610728001\t\t正常", Users(null, "list").Stdout, StringComparison.Ordinal);
        var nobody = Users(null, "enable", "--user", "nobody");
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("没有用户“nobody”", nobody.Stderr, StringComparison.Ordinal);
    }

    private (int ExitCode, string Stdout, string Stderr) Users(string? input, params string[] args)
    {
        var start = MonitoringProcess.StartInfo(["users", .. args, "--connection", _db.ConnectionString], redirectInput: true);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "monitoring users did not finish in 120 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
