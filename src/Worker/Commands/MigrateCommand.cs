using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Worker.Cli;
using Npgsql;
using Monitoring.Store;
using Monitoring.Store.Schema;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Commands;

/// <summary><c>migrate</c>: creates or updates the store schema in the database the connection string names.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection") {  Description = "PostgreSQL 连接串（数据库结构所有者；默认读取 ConnectionStrings:MonitoringOwner，否则 ConnectionStrings:Monitoring）" };
        var command = new Command("migrate", "创建或升级数据库结构（监测数据、评估批次、发现）") { connection };
        command.SetAction(result => CommandRunner.Run(() => Run(result.GetValue(connection))));
        return command;
    }

    private static int Run(string? connection)
    {
        using var host = StoreServices.Build(connection);
        try
        {
            var pending = host.Services.GetRequiredService<StoreMigrator>().Migrate();
            Console.Error.WriteLine(pending.Count == 0 ? "数据库结构已是最新，无需升级" : $"已应用 {pending.Count} 个数据库迁移：{string.Join("、", pending)}");
            return ExitCodes.Success;
        }
        catch (NpgsqlException ex)
        {
            throw new UserErrorException($"数据库结构未升级：{DatabaseErrors.Describe(ex)}");
        }
    }
}
