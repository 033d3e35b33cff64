using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Worker.Cli;
using Npgsql;
using Monitoring.Store;
using Monitoring.Store.Schema;
using Monitoring.Store.Importing;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Commands;

/// <summary><c>import</c>: household records into the store, all-or-nothing per file, upserted by household id.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "农户记录文件：JSON Lines v1（.jsonl），或县乡导出的 .xlsx / .csv（中文表头，见 docs/import-mapping.md）", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "校验已发生事项日期所用的日期（默认今天）" };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };
        var command = new Command("import", "导入农户记录到数据库：整文件要么全部导入，要么（有任何错误时）一条也不写入") { input, asOf, connection };
        command.SetAction(result => CommandRunner.Run(() => Run(result.GetValue(input)!, result.GetValue(asOf), result.GetValue(connection))));
        return command;
    }

    private static int Run(string inputPath, string? asOfText, string? connection)
    {
        var asOf = asOfText is null ? CommonOptions.Today() : CommonOptions.ParseDate(asOfText, "--as-of");
        using var host = StoreServices.Build(connection);
        using var input = CommonOptions.OpenInput(inputPath);
        try
        {
            var importer = host.Services.GetRequiredService<HouseholdImporter>();
            void Report(Monitoring.Engine.Validation.RecordProblem problem) => Console.Error.WriteLine(problem.ToString());
            var result = Path.GetExtension(inputPath).ToLowerInvariant() switch
            {
                ".xlsx" => importer.ImportTabular(input, Monitoring.Engine.Importing.TabularFormat.Xlsx, asOf, Report),
                ".csv" => importer.ImportTabular(input, Monitoring.Engine.Importing.TabularFormat.Csv, asOf, Report),
                _ => importer.ImportJsonLines(input, asOf, Report),
            };
            if (result.Read == 0 && result.Rejected == 0)
            {
                Console.Error.WriteLine($"导入未执行：输入文件 {inputPath} 中没有任何农户记录（空文件，或表格只有表头），数据库未作任何改动");
                return ExitCodes.RecordsRejected;
            }

            if (!result.Committed)
            {
                Console.Error.WriteLine($"导入未执行：读取 {result.Read:N0} 户，其中 {result.Rejected:N0} 户数据有误（见上），数据库未作任何改动");
                return ExitCodes.RecordsRejected;
            }

            Console.Error.WriteLine($"导入完成：读取 {result.Read:N0} 户，新增 {result.Inserted:N0} 户，更新 {result.Updated:N0} 户，未变化 {result.Unchanged:N0} 户");
            return ExitCodes.Success;
        }
        catch (NpgsqlException ex)
        {
            throw new UserErrorException($"导入未执行：{DatabaseErrors.Describe(ex)}");
        }
    }
}
