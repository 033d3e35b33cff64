using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Engine.History;
using Monitoring.Engine.Importing;
using Monitoring.Store;
using Monitoring.Store.Importing;
using Monitoring.Worker.Cli;
using Npgsql;

namespace Monitoring.Worker.Commands;

/// <summary>
/// <c>import</c>: household records into the store, all-or-nothing per file, merged into the stored records
/// (docs/decisions/0006-household-history.md); what it changes is printed per household and logged in the change log.
/// </summary>
public static class ImportCommand
{
    /// <summary>How many households the summary on stderr lists; the full list is in <c>--report</c>.</summary>
    private const int SummaryHouseholds = 20;

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "农户记录文件：JSON Lines v1（.jsonl），或县乡导出的 .xlsx / .csv（中文表头，见 docs/import-mapping.md）", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "文件所述的日期：校验已发生事项所用的日期，也是变更日志的“所述日期”（默认今天）" };
        var merge = new Option<bool>("--merge") { Description = "JSON Lines 也按合并导入（表格文件总是合并）：只更新记录中给出的内容，其余保留" };
        var allowRemovals = new Option<bool>("--allow-removals") { Description = "允许删除已存的收入周期、成员、走访、事件、支出（删除记入变更日志）；缺省时会删除数据的导入被拒绝" };
        var report = new Option<string?>("--report") { Description = "把每户的全部变化写入 .xlsx 报告" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只列出将要做的变化，不写入数据库" };
        var by = new Option<string?>("--by") { Description = "导入人（默认当前操作系统用户），记入变更日志" };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };
        var command = new Command("import", "导入农户记录到数据库：整文件要么全部导入，要么（有任何错误时）一条也不写入；与已存记录合并，每户的变化记入变更日志")
        {
            input, asOf, merge, allowRemovals, report, dryRun, by, connection,
        };
        command.SetAction(result => CommandRunner.Run(() => Run(new Arguments(result.GetValue(input)!, result.GetValue(asOf), result.GetValue(merge),
            result.GetValue(allowRemovals), result.GetValue(report), result.GetValue(dryRun), result.GetValue(by), result.GetValue(connection)))));
        return command;
    }

    private sealed record Arguments(string Input, string? AsOf, bool Merge, bool AllowRemovals, string? Report, bool DryRun, string? By, string? Connection);

    private static int Run(Arguments arguments)
    {
        var asOf = arguments.AsOf is null ? CommonOptions.Today() : CommonOptions.ParseDate(arguments.AsOf, "--as-of");
        if (arguments.Report is { } reportPath && !reportPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserErrorException($"--report 应为 .xlsx 文件，而不是 {reportPath}");
        }

        using var host = StoreServices.Build(arguments.Connection);
        using var input = CommonOptions.OpenInput(arguments.Input);
        var extension = Path.GetExtension(arguments.Input).ToLowerInvariant();
        var unitName = extension is ".xlsx" or ".csv" ? "行" : "行号";
        var households = new List<ImportedHousehold>();
        var summary = new List<ImportedHousehold>();
        var source = new ImportSource(Path.GetFileName(arguments.Input), CaseOptions.Actor(arguments.By), CaseOptions.Client())
        {
            Mode = arguments.Merge ? ImportMode.Merge : null,
            AllowRemovals = arguments.AllowRemovals,
            DryRun = arguments.DryRun,
            OnRetry = message => Console.Error.WriteLine(message),
            OnHousehold = household =>
            {
                if (arguments.Report is not null)
                {
                    households.Add(household);
                }

                if (summary.Count < SummaryHouseholds && !household.New)
                {
                    summary.Add(household);
                }
            },
        };
        try
        {
            var importer = host.Services.GetRequiredService<HouseholdImporter>();
            void Report(Monitoring.Engine.Validation.RecordProblem problem) => Console.Error.WriteLine(HouseholdDiffText.Mask(problem.ToString()));
            var result = extension switch
            {
                ".xlsx" => importer.ImportTabular(input, TabularFormat.Xlsx, asOf, source, Report),
                ".csv" => importer.ImportTabular(input, TabularFormat.Csv, asOf, source, Report),
                _ => importer.ImportJsonLines(input, asOf, source, Report),
            };
            if (result.Read == 0 && result.Rejected == 0)
            {
                Console.Error.WriteLine($"导入未执行：输入文件 {arguments.Input} 中没有任何农户记录（空文件，或表格只有表头），数据库未作任何改动");
                return ExitCodes.RecordsRejected;
            }

            if (result.Rejected > 0)
            {
                Console.Error.WriteLine($"导入未执行：读取 {result.Read:N0} 户，其中 {result.Rejected:N0} 户数据有误（见上），数据库未作任何改动");
                return ExitCodes.RecordsRejected;
            }

            PrintSummary(summary, result);
            if (arguments.Report is { } path)
            {
                ImportReportWriter.Write(path, $"导入 {Path.GetFileName(arguments.Input)}（所述日期 {asOf:yyyy-MM-dd}）的变化", unitName, households);
                Console.Error.WriteLine($"每户的全部变化已写入 {path}");
            }

            if (result.RemovalsRefused > 0)
            {
                Console.Error.WriteLine($"导入未执行：{result.RemovalsRefused:N0} 户的导入将删除已存数据（见上）；确需删除请加 --allow-removals，数据库未作任何改动");
                return ExitCodes.RecordsRejected;
            }

            var verb = result.DryRun ? "试导入（未写入数据库）" : "导入完成";
            Console.Error.WriteLine($"{verb}：读取 {result.Read:N0} 户，新增 {result.Inserted:N0} 户，更新 {result.Updated:N0} 户" +
                $"（其中 {result.WithRemovals:N0} 户删除了已存数据），未变化 {result.Unchanged:N0} 户");
            return ExitCodes.Success;
        }
        catch (NpgsqlException ex)
        {
            throw new UserErrorException($"导入未执行：{DatabaseErrors.Describe(ex)}");
        }
    }

    private static void PrintSummary(List<ImportedHousehold> summary, ImportResult result)
    {
        foreach (var household in summary)
        {
            var lines = ImportReportWriter.Lines(household).ToList();
            Console.Error.WriteLine($"户 {HouseholdDiffText.Mask(household.HouseholdId)}（第 {household.Line} 行）：{string.Join("；", lines.Take(6))}{(lines.Count > 6 ? $"；等 {lines.Count} 项" : "")}");
        }

        if (result.Updated > summary.Count)
        {
            Console.Error.WriteLine($"……另有 {result.Updated - summary.Count:N0} 户有变化（--report F.xlsx 列出全部）");
        }
    }
}
