using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Store.Schema;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;

namespace Monitoring.Worker.Cli;

/// <summary>The options the case verbs share, and the services they open.</summary>
public static class CaseOptions
{
    public static Option<string> Household() => new("--household") { Description = "户编码", Required = true };

    public static Option<string> Date() => new("--date") { Description = "事项完成日期 YYYY-MM-DD", Required = true };

    public static Option<string?> By() => new("--by") { Description = "登记人（默认当前操作系统用户）" };

    public static Option<string?> AsOf() => new("--as-of") { Description = "当天日期 YYYY-MM-DD（默认 Asia/Shanghai 的今天；只用于“不能登记未来日期”的检查和时限显示）" };

    public static Option<string?> Connection() => new("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };

    public static Option<string?> Profile() => new("--profile") { Description = "地区配置（默认：regionCode 与该户县级代码相同的配置，否则 cn-national）" };

    /// <summary>The given date, else today in Asia/Shanghai.</summary>
    public static DateOnly Today(string? asOfText)
    {
        if (asOfText is not null)
        {
            return CommonOptions.ParseDate(asOfText, "--as-of");
        }

        return CommonOptions.Today();
    }

    public static string Actor(string? by) => string.IsNullOrWhiteSpace(by) ? Environment.UserName : by.Trim();

    public static string Client() => "cli@" + Environment.MachineName;

    /// <summary><c>7d</c> or <c>7</c>: a number of days.</summary>
    public static int WithinDays(string text)
    {
        var digits = text.EndsWith('d') ? text[..^1] : text;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            throw new UserErrorException($"--within 应为天数，如 7d，而不是 '{text}'");
        }

        return days;
    }

    public static CaseService Service(string? rulesDirectory, string? connection, string? profile)
    {
        var catalog = CommonOptions.LoadCatalog(rulesDirectory);
        if (profile is not null)
        {
            CommonOptions.RuleSet(catalog, profile);
        }

        var host = StoreServices.ForProcess(connection);
        return new CaseService(catalog, host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), profile);
    }

    /// <summary>The area case lists (due list, notice) over the same store and rules as <see cref="Service"/>.</summary>
    public static AreaCaseLists AreaLists(string? rulesDirectory, string? connection, string? profile) =>
        new(StoreServices.ForProcess(connection).Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), Service(rulesDirectory, connection, profile));
}
