using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Store.History;
using Monitoring.Worker.Cli;

namespace Monitoring.Worker.Commands;

/// <summary><c>history --household ID</c>: a household's timeline from the change log, in Chinese, with what each change changed.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var household = new Option<string>("--household") { Description = "户编码", Required = true };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };
        var command = new Command("history", "查看一户的变更记录：每次导入、案件登记、更正的时间、所述日期、登记人、来源，以及前后版本的差异") { household, connection };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var id = result.GetValue(household)!;
            var history = StoreServices.ForProcess(result.GetValue(connection)).Services.GetRequiredService<HouseholdHistory>();
            var timeline = history.Timeline(id);
            if (timeline.Count == 0)
            {
                throw new UserErrorException($"数据库中没有户编码为 {Monitoring.Engine.History.HouseholdDiffText.Mask(id)} 的农户的变更记录");
            }

            HistoryPrinter.Print(Console.Out, id, timeline);
            return ExitCodes.Success;
        }));
        return command;
    }
}
