using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Store.Runs;
using Monitoring.Worker.Cli;

namespace Monitoring.Worker.Commands;

/// <summary><c>runs list|show|diff</c>: the run ledger — status, as-of, profile, mode, counts, households set aside, rule set; differences between two runs.</summary>
public static class RunsCommand
{
    public static Command Create() => new("runs", "查看评估批次：列表、详情（含被搁置的农户与规则集）、两批次之间的发现差异")
    {
        List(),
        Show(),
        Diff(),
    };

    private static Option<string?> Connection() => new("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };

    private static Command List()
    {
        var profile = new Option<string?>("--profile") { Description = "只列出该地区配置的批次" };
        var limit = new Option<int>("--limit") { Description = "最多列出的批次数（最新在前）", DefaultValueFactory = _ => 50 };
        var connection = Connection();
        var command = new Command("list", "列出评估批次（最新在前）") { profile, limit, connection };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var runs = Queries(result.GetValue(connection)).List(result.GetValue(profile), Math.Max(1, result.GetValue(limit)));
            Console.Out.WriteLine("批次\t评估日\t地区配置\t方式\t状态\t评估户数\t发现\t候选户\t新增\t消除\t搁置");
            foreach (var run in runs)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{run.Id}\t{run.AsOf:yyyy-MM-dd}\t{run.Profile}\t{run.ModeZh}\t{run.StatusZh}\t{run.HouseholdsEvaluated}\t{run.FindingsCount}\t{run.CandidatesCount}\t{run.NewFindings}\t{run.ResolvedFindings}\t{run.SetAsideCount}"));
            }

            if (runs.Count == 0)
            {
                Console.Error.WriteLine("数据库中还没有评估批次");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var run = new Argument<long>("run") { Description = "批次编号" };
        var connection = Connection();
        var command = new Command("show", "查看一个批次：状态、评估日、地区配置、方式、计数、被搁置的农户、规则集") { run, connection };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var queries = Queries(result.GetValue(connection));
            var id = result.GetValue(run);
            var stored = queries.Find(id) ?? throw new UserErrorException($"没有编号为 {id} 的批次");
            var output = Console.Out;
            output.WriteLine($"批次 {stored.Id}：{stored.StatusZh}");
            output.WriteLine($"  评估日 {stored.AsOf:yyyy-MM-dd}，地区配置 {stored.Profile}，{stored.ModeZh}评估{(stored.PointInTime ? "（时点评估：按各户在评估日的记录）" : "")}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  开始 {stored.StartedAt:yyyy-MM-dd HH:mm:ss}Z，结束 {(stored.FinishedAt is { } f ? f.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z" : "—")}"));
            output.WriteLine($"  规则集版本 {stored.RulesVersion}，规则集存档 {stored.RuleSetHash ?? "（未存档：该批次早于规则集存档）"}");
            output.WriteLine($"  本次评估 {stored.HouseholdsEvaluated:N0} 户，结果有变化 {stored.OutcomesRecorded:N0} 户；发现 {stored.FindingsCount:N0} 条，候选户 {stored.CandidatesCount:N0} 户；新增 {stored.NewFindings:N0} 条，消除 {stored.ResolvedFindings:N0} 条");
            if (stored.Error is { } error)
            {
                output.WriteLine($"  错误：{error}");
            }

            var setAside = queries.SetAside(id);
            output.WriteLine($"  被搁置（记录在评估日无法评估）{stored.SetAsideCount:N0} 户{(setAside.Count > 0 ? "：" : "")}");
            foreach (var household in setAside)
            {
                output.WriteLine($"    {household}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Diff()
    {
        var earlier = new Argument<long>("earlier") { Description = "较早的批次编号" };
        var later = new Argument<long>("later") { Description = "较晚的批次编号" };
        var connection = Connection();
        var command = new Command("diff", "比较两个批次的发现：逐户列出新增、已消除与内容有变化的规则") { earlier, later, connection };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var queries = Queries(result.GetValue(connection));
            var (n, m) = (result.GetValue(earlier), result.GetValue(later));
            foreach (var id in new[] { n, m })
            {
                var run = queries.Find(id) ?? throw new UserErrorException($"没有编号为 {id} 的批次");
                if (run.Status != "completed")
                {
                    throw new UserErrorException($"批次 {id} 的状态是 {run.StatusZh}，只能比较已完成的批次");
                }
            }

            var diffs = queries.Diff(n, m);
            foreach (var diff in diffs)
            {
                var parts = new List<string>();
                if (diff.New.Count > 0)
                {
                    parts.Add("新增 " + string.Join("、", diff.New));
                }

                if (diff.Resolved.Count > 0)
                {
                    parts.Add("消除 " + string.Join("、", diff.Resolved));
                }

                if (diff.Changed.Count > 0)
                {
                    parts.Add("变化 " + string.Join("、", diff.Changed));
                }

                Console.Out.WriteLine($"{(diff.Area is { } area ? area : "户 " + diff.HouseholdId)}：{string.Join("；", parts)}");
            }

            Console.Error.WriteLine($"批次 {n} → {m}：{diffs.Count:N0} 户的发现有差异（新增 {diffs.Sum(d => d.New.Count):N0}、消除 {diffs.Sum(d => d.Resolved.Count):N0}、变化 {diffs.Sum(d => d.Changed.Count):N0} 条）");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static RunQueries Queries(string? connection) => StoreServices.ForProcess(connection).Services.GetRequiredService<RunQueries>();
}
