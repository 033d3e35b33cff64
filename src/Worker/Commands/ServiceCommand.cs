using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Monitoring.Worker.Cli;
using Monitoring.Worker.Service;

namespace Monitoring.Worker.Commands;

/// <summary><c>service</c>: one long-running process with the clustered Quartz nightly schedule and the web application.</summary>
public static class ServiceCommand
{
    public static Command Create()
    {
        var cron = new Option<string?>("--cron") { Description = "Quartz cron（默认 Nightly:Cron，每晚 02:30）" };
        var zone = new Option<string?>("--time-zone") { Description = "时区（默认 Nightly:TimeZone，Asia/Shanghai）" };
        var profile = new Option<string?>("--profile") { Description = "地区配置（默认 Nightly:Profile，cn-national）" };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };
        var urls = new Option<string>("--urls") { Description = "网页服务监听地址（默认 http://127.0.0.1:5080）", DefaultValueFactory = _ => WorkerHost.DefaultUrls };
        var noScheduler = new Option<bool>("--no-scheduler") { Description = "不运行夜间评估计划（只提供网页服务）" };
        var noWeb = new Option<bool>("--no-web") { Description = "不提供网页服务（只运行夜间评估计划）" };
        var command = new Command("service", "以服务方式运行：启动时升级数据库结构并校验规则，按计划（集群内只运行一次）执行夜间评估，并提供网页与 API")
        {
            cron, zone, profile, connection, urls, noScheduler, noWeb,
        };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var args = new List<string>();
            Add(args, "Nightly:Cron", result.GetValue(cron));
            Add(args, "Nightly:TimeZone", result.GetValue(zone));
            Add(args, "Nightly:Profile", result.GetValue(profile));
            Add(args, "ConnectionStrings:Monitoring", result.GetValue(connection));
            Add(args, "ConnectionStrings:MonitoringOwner", result.GetValue(connection));
            var web = !result.GetValue(noWeb);
            var scheduler = !result.GetValue(noScheduler);
            if (!web && !scheduler)
            {
                throw new UserErrorException("--no-web 与 --no-scheduler 不能同时使用：服务将无事可做");
            }

            if (web)
            {
                using var app = WorkerHost.BuildWeb([.. args], result.GetValue(urls) ?? WorkerHost.DefaultUrls, scheduler);
                app.Run();
            }
            else
            {
                using var host = WorkerHost.Build([.. args]);
                host.Run();
            }

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
