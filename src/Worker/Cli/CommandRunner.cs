using Monitoring.Rules.Loading;

namespace Monitoring.Worker.Cli;

/// <summary>Runs a verb and turns user errors and broken rule files into one clear line and exit code 1, without stack traces.</summary>
public static class CommandRunner
{
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UserErrorException ex)
        {
            Console.Error.WriteLine($"错误：{ex.Message}");
            return ExitCodes.Fatal;
        }
        catch (RuleLoadException ex)
        {
            Console.Error.WriteLine($"规则文件错误：{ex.Message}");
            return ExitCodes.Fatal;
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState is "42P01" or "3D000")
        {
            Console.Error.WriteLine(ex.SqlState == "3D000"
                ? $"错误：数据库不存在（{ex.MessageText}）。开发环境可运行 bash scripts/dev-db.sh start"
                : "错误：数据库结构尚未建立或不是最新，请先运行 monitoring migrate");
            return ExitCodes.Fatal;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            Console.Error.WriteLine($"数据库错误：{ex.Message}。开发环境可先运行 bash scripts/dev-db.sh start");
            return ExitCodes.Fatal;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"读写错误：{ex.Message}");
            return ExitCodes.Fatal;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("MONITORING_DEBUG") != "1")
        {
            Console.Error.WriteLine($"内部错误：{ex.GetType().Name}：{ex.Message}（设置环境变量 MONITORING_DEBUG=1 可显示调用栈）");
            return ExitCodes.Fatal;
        }
    }
}
