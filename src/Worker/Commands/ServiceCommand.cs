using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Monitoring.Worker.Cli;
using Monitoring.Worker.Service;

namespace Monitoring.Worker.Commands;

/// <summary><c>service</c>: the long-running worker with the clustered Quartz nightly schedule.</summary>
public static class ServiceCommand
{
    public static Command Create()
    {
        var cron = new Option<string?>("--cron") { Description = "Quartz cron（默认 Nightly:Cron，每晚 02:30）" };
        var zone = new Option<string?>("--time-zone") { Description = "时区（默认 Nightly:TimeZone，Asia/Shanghai）" };
        var profile = new Option<string?>("--profile") { Description = "地区配置（默认 Nightly:Profile，cn-national）" };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };
        var command = new Command("service", "以服务方式运行：启动时升级数据库结构并校验规则，按计划（集群内只运行一次）执行夜间评估") { cron, zone, profile, connection };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var args = new List<string>();
            Add(args, "Nightly:Cron", result.GetValue(cron));
            Add(args, "Nightly:TimeZone", result.GetValue(zone));
            Add(args, "Nightly:Profile", result.GetValue(profile));
            Add(args, "ConnectionStrings:Monitoring", result.GetValue(connection));
            using var host = WorkerHost.Build([.. args]);
            host.Run();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Add(List<string> args, string key, string? value)
    {
        if (value is not null)
        {
            args.Add($"--{key}={value}");
        }
    }
}
