using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Worker.Cli;
using Monitoring.Store.Schema;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Output;

namespace Monitoring.Worker.Commands;

/// <summary><c>export-findings</c>: a stored run's findings, exactly as <c>evaluate</c> writes them.</summary>
public static class ExportFindingsCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "批次：latest（最近完成的批次）或批次编号", DefaultValueFactory = _ => "latest" };
        var village = new Option<string?>("--village") { Description = "只导出该村（村级代码）的发现" };
        var household = new Option<string?>("--household") { Description = "只导出该户（户编码）的发现" };
        var output = new Option<string>("--output") { Description = "输出文件，- 为标准输出", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format") { Description = "jsonl（默认，与 evaluate 输出一致）或 xlsx（中文表头，供村级工作人员核对）", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "xlsx");
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };
        var command = new Command("export-findings", "导出某一批次的发现（JSON Lines 与 evaluate 输出一致，或 Excel）") { run, village, household, output, format, connection };
        command.SetAction(result => CommandRunner.Run(() => Run(result.GetValue(run)!, result.GetValue(village), result.GetValue(household), result.GetValue(output)!, result.GetValue(format)!, result.GetValue(connection))));
        return command;
    }

    private static int Run(string runText, string? village, string? household, string outputPath, string format, string? connection)
    {
        using var host = StoreServices.Build(connection);
        var exporter = host.Services.GetRequiredService<FindingsExporter>();
        long runId;
        if (runText == "latest")
        {
            runId = exporter.LatestCompletedRun() ?? throw new UserErrorException("数据库中还没有已完成的评估批次（先运行 run-nightly）");
        }
        else if (!long.TryParse(runText, NumberStyles.None, CultureInfo.InvariantCulture, out runId))
        {
            throw new UserErrorException($"--run 应为 latest 或批次编号，而不是 '{runText}'");
        }

        var status = exporter.RunStatus(runId) ?? throw new UserErrorException($"没有编号为 {runId} 的批次");
        if (status != "completed")
        {
            throw new UserErrorException($"批次 {runId} 的状态是 {status}，只能导出已完成的批次");
        }

        using var target = OutputTarget.Open(outputPath);
        if (format == "xlsx")
        {
            var title = $"评估批次 {runId} 发现清单" + (village is null ? "" : $"（村级代码 {village}）") + (household is null ? "" : $"（户 {household}）");
            Monitoring.Engine.Formats.FindingsXlsxWriter.Write(target.Stream, exporter.Findings(runId, village, household).Select(f => System.Text.Json.JsonDocument.Parse(f).RootElement), title);
            target.Commit();
            Console.Error.WriteLine($"已导出批次 {runId} 的发现（Excel）：{outputPath}");
            return ExitCodes.Success;
        }

        // Stored findings were masked when serialized; masking again keeps rows stored by older versions safe (a no-op otherwise).
        long count = 0;
        using (var writer = new StreamWriter(target.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            foreach (var finding in exporter.Findings(runId, village, household))
            {
                writer.WriteLine(ResidentIdMasking.Apply(finding));
                count++;
            }
        }

        target.Commit();
        Console.Error.WriteLine($"已导出批次 {runId} 的发现 {count:N0} 条");

        return ExitCodes.Success;
    }
}
