using Monitoring.Rules.Loading;
using Monitoring.Store;

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
        catch (Exception ex) when (DatabaseErrors.Describe(ex) is { } database)
        {
            // A refused connection, a terminated one, a missing database or schema: the real error, in Chinese.
            Console.Error.WriteLine($"错误：{database}");
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
