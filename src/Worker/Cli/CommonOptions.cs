using System.CommandLine;
using System.Globalization;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Loading;

namespace Monitoring.Worker.Cli;

/// <summary>Options several verbs share, and their parsing into checked values with Chinese errors.</summary>
public static class CommonOptions
{
    public static Option<string?> Rules() => new("--rules") { Description = "规则目录（默认：程序旁或当前目录上级的 rules/，或环境变量 MONITORING_RULES）" };

    public static Option<string> Profile() => new("--profile") { Description = "地区配置，如 cn-national、shaanxi-zhenba-2021", DefaultValueFactory = _ => RuleCatalog.NationalProfile };

    public static Option<string> AsOf(bool required) => new("--as-of") { Description = "评估日 YYYY-MM-DD（显式给出，不取系统日期）", Required = required };

    public static DateOnly ParseDate(string? text, string option)
    {
        if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UserErrorException($"{option} 应为 YYYY-MM-DD 格式的日期，而不是 '{text}'");
        }

        return date;
    }

    /// <summary>
    /// The CLI's default date when <c>--as-of</c> is not given: today on the one clock (<see cref="TimeProvider"/>) in the
    /// Asia/Shanghai zone (UTC+8 where the zone database is missing), whatever the machine's own zone, since every
    /// county the rules cover keeps Beijing time.
    /// </summary>
    public static DateOnly Today(TimeProvider? clock = null) => Monitoring.Store.ChinaTime.Today(clock ?? TimeProvider.System);

    public static RuleCatalog LoadCatalog(string? rulesDirectory) => RuleCatalogLoader.Load(RuleCatalogLoader.Locate(rulesDirectory));

    public static RuleSet RuleSet(RuleCatalog catalog, string profile)
    {
        try
        {
            return catalog.ForProfile(profile);
        }
        catch (KeyNotFoundException ex)
        {
            throw new UserErrorException(ex.Message);
        }
    }

    public static FileStream OpenInput(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UserErrorException($"找不到输入文件 {path}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserErrorException($"没有权限读取输入文件 {path}");
        }
    }
}
