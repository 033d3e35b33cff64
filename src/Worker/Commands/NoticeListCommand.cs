using System.CommandLine;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Store.Access;
using Monitoring.Store.Cases;
using Monitoring.Worker.Cli;

namespace Monitoring.Worker.Commands;

/// <summary><c>notice-list</c>: a village's public notice list (公示名单) as .xlsx or a printable HTML page; a thin caller of
/// <see cref="AreaCaseLists.Notice"/>, the notice the pages and the API show.</summary>
public static class NoticeListCommand
{
    public static Command Create()
    {
        var village = new Option<string>("--village") { Description = "村级代码（12 位）", Required = true };
        var asOf = CommonOptions.AsOf(required: true);
        var format = new Option<string>("--format") { Description = "xlsx（默认）或 html（可直接打印的网页）", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "html");
        var output = new Option<string>("--output") { Description = "输出文件", Required = true };
        var profile = CaseOptions.Profile();
        var rules = CommonOptions.Rules();
        var connection = CaseOptions.Connection();
        var command = new Command("notice-list", "村级公示名单：拟纳入监测（已公示未审定）和拟消除风险（已村公示未公告）的农户，不含身份证号、电话、银行和健康信息")
        {
            village, asOf, format, output, profile, rules, connection,
        };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var date = CommonOptions.ParseDate(result.GetValue(asOf), "--as-of");
            var lists = CaseOptions.AreaLists(result.GetValue(rules), result.GetValue(connection), result.GetValue(profile));
            var code = result.GetValue(village)!;
            if (code.Length != 12 || !code.All(char.IsAsciiDigit))
            {
                throw new UserErrorException($"--village 应为 12 位村级代码，而不是 '{code}'");
            }

            var caller = Caller.Operator(Environment.UserName, CaseOptions.Client());
            var entries = lists.Notice(caller, code, date).Select(item => item.Entry).ToList();
            var villageName = lists.AreaName(caller, code) ?? code;
            using var target = OutputTarget.Open(result.GetValue(output)!);
            if (result.GetValue(format) == "html")
            {
                NoticeListHtmlWriter.Write(target.Text(), entries, villageName, date);
            }
            else
            {
                TableXlsxWriter.Write(target.Stream, NoticeListColumns.SheetName, NoticeListColumns.Title(villageName, date), NoticeListColumns.Headers,
                    entries.Select((e, i) => NoticeListColumns.Cells(e, i + 1)), NoticeListColumns.Widths);
            }

            target.Commit();

            Console.Error.WriteLine($"公示名单：{villageName} 共 {entries.Count} 户，已写入 {result.GetValue(output)}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
