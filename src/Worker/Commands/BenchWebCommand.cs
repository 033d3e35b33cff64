using System.CommandLine;
using System.Globalization;
using Monitoring.Worker.Bench;
using Monitoring.Worker.Cli;

namespace Monitoring.Worker.Commands;

/// <summary>
/// <c>bench-web</c>: signed-in users browsing review lists and household pages of a running service on this machine
/// (scripts/bench-web.sh sets up the store, the users and the concurrent nightly run); prints p50/p95/p99 latency and
/// errors (by cause: status code or exception) per kind of request.
/// </summary>
public static class BenchWebCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "服务地址（仅限本机）", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var users = new Option<string>("--users-file") { Description = "每行一个用户：用户名 密码 地区代码", Required = true };
        var duration = new Option<int>("--duration") { Description = "持续秒数", DefaultValueFactory = _ => 60 };
        var think = new Option<int>("--think-ms") { Description = "每名用户两次请求之间的平均思考时间（毫秒，每次在其 50%–150% 之间均匀取值；0：不停顿）", DefaultValueFactory = _ => 1000 };
        var rampUp = new Option<int>("--ramp-up-s") { Description = "用户在开始后的这段时间（秒）内均匀陆续登录", DefaultValueFactory = _ => 10 };
        var command = new Command("bench-web", "网页负载测试：多名已登录用户同时浏览待核查名单（分页）和农户页面，输出各类请求的延迟分位数和按原因分列的错误数") { url, users, duration, think, rampUp };
        command.SetAction(result => CommandRunner.Run(() => Run(result.GetValue(url)!, result.GetValue(users)!, result.GetValue(duration), result.GetValue(think), result.GetValue(rampUp))));
        return command;
    }

    private static int Run(string url, string usersFile, int seconds, int thinkMilliseconds, int rampUpSeconds)
    {
        var users = File.ReadAllLines(usersFile)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 3)
            .Select(parts => (parts[0], parts[1], parts[2]))
            .ToList();
        if (users.Count == 0)
        {
            throw new UserErrorException($"{usersFile} 中没有“用户名 密码 地区代码”格式的行");
        }

        if (thinkMilliseconds < 0 || rampUpSeconds < 0)
        {
            throw new UserErrorException("--think-ms 和 --ramp-up-s 不能为负数");
        }

        var load = new WebLoad(new Uri(url), users, TimeSpan.FromSeconds(seconds))
        {
            ThinkTime = TimeSpan.FromMilliseconds(thinkMilliseconds),
            RampUp = TimeSpan.FromSeconds(rampUpSeconds),
        };
        var results = load.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"{users.Count} 名用户（{rampUpSeconds} 秒内陆续登录），{seconds} 秒，思考时间 {thinkMilliseconds} ms ± 50%");
        Console.WriteLine("kind                        requests  errors     p50 ms     p95 ms     p99 ms     max ms");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(c, $"{r.Kind,-26} {r.Requests,9} {r.Errors,7} {r.Percentile(50),10:F1} {r.Percentile(95),10:F1} {r.Percentile(99),10:F1} {r.Percentile(100),10:F1}"));
        }

        var browsing = results.Where(r => r.Kind is not ("login" or WebLoad.RampUpKind)).ToList();
        var errors = browsing.SelectMany(r => r.ErrorsByCause).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal);
        var all = new WebLoadResult("all", [.. browsing.SelectMany(r => r.SortedMilliseconds).Order()], errors);
        Console.WriteLine(string.Create(c, $"{"all after ramp-up",-26} {all.Requests,9} {all.Errors,7} {all.Percentile(50),10:F1} {all.Percentile(95),10:F1} {all.Percentile(99),10:F1} {all.Percentile(100),10:F1}"));
        foreach (var r in results.Where(r => r.Errors > 0))
        {
            Console.WriteLine($"errors {r.Kind}: {string.Join(", ", r.ErrorsByCause.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} × {e.Value}"))}");
        }
        return results.Sum(r => r.Errors) == 0 ? ExitCodes.Success : ExitCodes.RecordsRejected;
    }
}
