using System.CommandLine;
using Monitoring.Engine.Cases;
using Monitoring.Worker.Cli;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;

namespace Monitoring.Worker.Commands;

/// <summary><c>case show</c>: one household's case as a timeline with deadlines met or missed, in Chinese.</summary>
public static class CaseShow
{
    public static Command Create()
    {
        var household = CaseOptions.Household();
        var asOf = CaseOptions.AsOf();
        var profile = CaseOptions.Profile();
        var rules = CommonOptions.Rules();
        var connection = CaseOptions.Connection();
        var command = new Command("show", "查看一户的案件时间线：已登记的步骤、各项时限是否按期、案件日志") { household, asOf, profile, rules, connection };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var today = CaseOptions.Today(result.GetValue(asOf));
            var service = CaseOptions.Service(result.GetValue(rules), result.GetValue(connection), result.GetValue(profile));
            var id = result.GetValue(household)!;
            var stored = service.Store.Load(id) ?? throw new UserErrorException($"数据库中没有户编码为 {id} 的农户");
            var found = service.Store.Histories([id]).TryGetValue(id, out var h) ? h : (History: CaseHistory.From([]), BeforeFirst: (Monitoring.Engine.Records.HouseholdRecord?)null);
            var record = service.AsOf(stored.Record, found.History, found.BeforeFirst, today);
            var ruleSet = service.RuleSetFor(record);
            var reinclusion = new CaseFindings(ruleSet, today).ReinclusionFires(record);
            var obligations = new ObligationCalculator(ruleSet).For(record, today, reinclusion);
            CaseTimelinePrinter.Print(Console.Out, record, ruleSet, obligations, found.History, today);
            return ExitCodes.Success;
        }));
        return command;
    }
}
