using System.CommandLine;
using System.Text;
using Monitoring.Engine.Generation;
using Monitoring.Worker.Cli;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Commands;

/// <summary><c>generate</c>: realistic synthetic households (JSON Lines v1) for samples, tests and benchmarks.</summary>
public static class GenerateCommand
{
    private const int BlockSize = 8192;

    public static Command Create()
    {
        var households = new Option<long>("--households") { Description = "生成户数", Required = true };
        var seed = new Option<int>("--seed") { Description = "随机种子（相同种子、评估日生成相同数据）", DefaultValueFactory = _ => 1 };
        var asOf = new Option<string>("--as-of") { Description = "数据截至日期 YYYY-MM-DD（所有已发生事项不晚于此日）", DefaultValueFactory = _ => "2022-06-30" };
        var output = new Option<string>("--output") { Description = "输出文件（JSON Lines）", Required = true };
        var rosters = new Option<string?>("--rosters") { Description = "同时生成与这些农户相应的部门名单（含一定比例的不一致、拆户保、预警和逾期报送）到此目录，文件名 <名单>.<县级代码>.<快照日期>.jsonl" };
        var command = new Command("generate", "生成模拟农户数据（脱贫户、监测户、一般农户，含各类风险与各程序状态）") { households, seed, asOf, output, rosters };
        command.SetAction(result => CommandRunner.Run(() => Run(result.GetValue(households), result.GetValue(seed),
            CommonOptions.ParseDate(result.GetValue(asOf), "--as-of"), result.GetValue(output)!, result.GetValue(rosters))));
        return command;
    }

    private static int Run(long count, int seed, DateOnly asOf, string outputPath, string? rostersDirectory)
    {
        if (count < 0)
        {
            throw new UserErrorException("--households 不能为负数");
        }

        var generator = new HouseholdGenerator(seed, asOf);
        var rosters = rostersDirectory is null ? null : new Monitoring.Engine.Department.RosterGenerator(seed, asOf);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var ids = new ResidentIdRegistry();
        using var target = OutputTarget.Open(outputPath);
        var stream = target.Stream;
        var newline = "\n"u8.ToArray();
        for (long start = 0; start < count; start += BlockSize)
        {
            var size = (int)Math.Min(BlockSize, count - start);
            var block = new byte[size][];
            var records = new Monitoring.Engine.Records.HouseholdRecord[size];
            Parallel.For(0, size, i => records[i] = generator.Generate(start + i));
            foreach (var record in records)
            {
                ids.Claim(record);
            }

            Parallel.For(0, size, i => block[i] = Encoding.UTF8.GetBytes(HouseholdJsonLines.Serialize(records[i])));
            foreach (var record in rosters is null ? [] : records)
            {
                rosters!.Add(record);
            }

            foreach (var line in block)
            {
                stream.Write(line);
                stream.Write(newline);
            }
        }

        target.Commit();
        Console.Error.WriteLine($"已生成 {count:N0} 户模拟数据（种子 {seed}，截至 {asOf:yyyy-MM-dd}）：{outputPath}");
        if (rosters is not null)
        {
            var files = rosters.Write(rostersDirectory!);
            Console.Error.WriteLine($"已生成 {files.Count} 份部门名单：{rostersDirectory}");
        }
        return ExitCodes.Success;
    }
}
