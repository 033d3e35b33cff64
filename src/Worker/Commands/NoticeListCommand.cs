using System.CommandLine;
using System.Text;
using Monitoring.Engine.Cases;
using Monitoring.Worker.Cli;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;

namespace Monitoring.Worker.Commands;

/// <summary><c>notice-list</c>: a village's public notice list (公示名单) as .xlsx or a printable HTML page.</summary>
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
            var service = CaseOptions.Service(result.GetValue(rules), result.GetValue(connection), result.GetValue(profile));
            var code = result.GetValue(village)!;
            var households = service.HouseholdsAsOf(code, null, date);
            var evaluators = new Dictionary<string, CaseFindings>(StringComparer.Ordinal);
            CaseFindings FindingsFor(Monitoring.Engine.Records.HouseholdRecord household)
            {
                var ruleSet = service.RuleSetFor(household);
                if (!evaluators.TryGetValue(ruleSet.Profile.Id, out var findings))
                {
                    findings = new CaseFindings(ruleSet, date);
                    evaluators[ruleSet.Profile.Id] = findings;
                }

                return findings;
            }

            var entries = NoticeList.Build(households, date, FindingsFor);
            var villageName = households.Select(h => h.Region?.Village).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? code;
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
