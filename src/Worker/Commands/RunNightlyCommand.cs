using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Worker.Cli;
using Npgsql;
using Monitoring.Store;
using Monitoring.Store.Schema;
using Monitoring.Store.Nightly;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Commands;

/// <summary><c>run-nightly</c>: the nightly evaluation over the store, in the foreground, with progress on stderr.</summary>
public static class RunNightlyCommand
{
    public static Command Create()
    {
        var asOf = CommonOptions.AsOf(required: true);
        var profile = CommonOptions.Profile();
        var rules = CommonOptions.Rules();
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };
        var full = new Option<bool>("--full") { Description = "全量评估每一户（默认增量：只评估数据变化或到期需复核的农户；规则、参数、日历或程序变更时自动全量）" };
        var command = new Command("run-nightly", "对数据库中的农户运行一次夜间评估，保存发现、候选与新增/消除情况") { asOf, profile, rules, connection, full };
        command.SetAction(result => CommandRunner.Run(() => Run(CommonOptions.ParseDate(result.GetValue(asOf), "--as-of"), result.GetValue(profile)!,
            result.GetValue(rules), result.GetValue(connection), result.GetValue(full))));
        return command;
    }

    private static int Run(DateOnly asOf, string profile, string? rulesDirectory, string? connection, bool full)
    {
        var ruleSet = CommonOptions.RuleSet(CommonOptions.LoadCatalog(rulesDirectory), profile);
        using var host = StoreServices.Build(connection);
        var runner = host.Services.GetRequiredService<NightlyRuns>().For(ruleSet,
            onProgress: Console.IsErrorRedirected ? null : (done, total) => SafeConsole.Progress($"\r评估进度 {Bar(done, total)} {done:N0}/{total:N0} 户"),
            onStage: (stage, elapsed) => SafeConsole.Progress(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\r{stage}：{elapsed.TotalSeconds:F1} 秒").PadRight(60) + "\n"),
            onPlan: plan => Console.Error.WriteLine(plan.ReasonZh));
        try
        {
            var result = runner.Run(asOf, full);
            Console.Error.WriteLine($"批次 {result.RunId}（{(result.Plan.IsFull ? "全量" : "增量")}）已完成，上一批次 {result.PreviousRunId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "无"}：" +
                $"库中 {result.HouseholdsInStore:N0} 户，本次评估 {result.HouseholdsEvaluated:N0} 户，结果有变化 {result.OutcomesRecorded:N0} 户；新增发现 {result.NewFindings:N0} 条，已消除 {result.ResolvedFindings:N0} 条");
            SummaryPrinter.Print(Console.Error, result.Summary, ruleSet);
            if (result.HouseholdsSetAside > 0)
            {
                Console.Error.WriteLine($"被搁置 {result.HouseholdsSetAside:N0} 户（记录在评估日无法评估，其余农户已评估；monitoring runs show {result.RunId} 查看）：");
                foreach (var setAside in result.SetAside)
                {
                    Console.Error.WriteLine($"  {setAside}");
                }
            }
            return ExitCodes.Success;
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine();
            throw new UserErrorException($"本批次未开始：{DatabaseErrors.Describe(ex)}");
        }
        catch (NightlyRunFailedException ex)
        {
            Console.Error.WriteLine();
            throw new UserErrorException(ex.Message);
        }
    }

    private static string Bar(long done, long total)
    {
        const int width = 30;
        var filled = total == 0 ? width : (int)(width * done / total);
        return "[" + new string('#', filled) + new string('-', width - filled) + "]";
    }
}
