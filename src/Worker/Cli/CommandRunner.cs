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
        catch (IOException ex)
        {
            Console.Error.WriteLine($"读写错误：{ex.Message}");
            return ExitCodes.Fatal;
        }
    }
}
