using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Engine.Output;
using Monitoring.Store.Access;
using Monitoring.Web.Security;
using Monitoring.Worker.Cli;

namespace Monitoring.Worker.Commands;

/// <summary><c>users add|list|disable|enable|reset-password</c>: web users with one role and one area (thin callers of <see cref="UserAdministration"/>).</summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "网页用户：添加、列出、停用、启用、重置密码（每个用户一个角色和一个辖区）")
        {
            Add(), List(), Disable(), Enable(), ResetPassword(),
        };
        return command;
    }

    private static Option<string?> Connection() => new("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };

    private static Option<string> UserName() => new("--user") { Description = "用户名", Required = true };

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "从标准输入读取密码（一行）；不给时生成随机密码并只显示这一次" };

    private static Command Add()
    {
        var user = UserName();
        var role = new Option<string>("--role") { Description = "角色：village|town|county|auditor|admin", Required = true };
        role.AcceptOnlyFromAmong([.. UserRoles.Names]);
        var area = new Option<string>("--area") { Description = "辖区：12 位村级、9 位乡镇或 6 位县级代码", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "显示名（姓名）" };
        var stdin = PasswordStdin();
        var connection = Connection();
        var command = new Command("add", "添加用户") { user, role, area, displayName, stdin, connection };
        command.SetAction(result => CommandRunner.Run(() => WithUsers(result.GetValue(connection), users =>
        {
            var name = result.GetValue(user)!;
            var generated = users.AddAsync(name, result.GetValue(role)!, result.GetValue(area)!, result.GetValue(displayName),
                result.GetValue(stdin) ? ReadPassword() : null).GetAwaiter().GetResult();
            Console.WriteLine(ResidentIdMasking.Apply($"已添加用户 {name}（{result.GetValue(role)}，辖区 {result.GetValue(area)}）"));
            PrintGenerated(generated);
        })));
        return command;
    }

    private static Command List()
    {
        var connection = Connection();
        var command = new Command("list", "列出用户") { connection };
        command.SetAction(result => CommandRunner.Run(() => WithUsers(result.GetValue(connection), users =>
        {
            Console.WriteLine("用户名\t角色\t辖区\t显示名\t状态");
            foreach (var u in users.ListAsync().GetAwaiter().GetResult())
            {
                var status = u.Disabled ? "已停用" : u.LockedOut ? "已锁定" : "正常";
                Console.WriteLine(ResidentIdMasking.Apply($"{u.UserName}\t{u.Role}\t{u.AreaCode}\t{u.DisplayName}\t{status}"));
            }
        })));
        return command;
    }

    private static Command Disable()
    {
        var user = UserName();
        var connection = Connection();
        var command = new Command("disable", "停用用户（不能再登录，已登录的会话在一分钟内失效）") { user, connection };
        command.SetAction(result => CommandRunner.Run(() => WithUsers(result.GetValue(connection), users =>
        {
            users.DisableAsync(result.GetValue(user)!).GetAwaiter().GetResult();
            Console.WriteLine($"已停用用户 {result.GetValue(user)}");
        })));
        return command;
    }

    private static Command Enable()
    {
        var user = UserName();
        var connection = Connection();
        var command = new Command("enable", "重新启用已停用的用户（并解除锁定；密码不变）") { user, connection };
        command.SetAction(result => CommandRunner.Run(() => WithUsers(result.GetValue(connection), users =>
        {
            users.EnableAsync(result.GetValue(user)!).GetAwaiter().GetResult();
            Console.WriteLine($"已启用用户 {result.GetValue(user)}");
        })));
        return command;
    }

    private static Command ResetPassword()
    {
        var user = UserName();
        var stdin = PasswordStdin();
        var connection = Connection();
        var command = new Command("reset-password", "重置密码（并解除锁定）") { user, stdin, connection };
        command.SetAction(result => CommandRunner.Run(() => WithUsers(result.GetValue(connection), users =>
        {
            var generated = users.ResetPasswordAsync(result.GetValue(user)!, result.GetValue(stdin) ? ReadPassword() : null).GetAwaiter().GetResult();
            Console.WriteLine($"已重置用户 {result.GetValue(user)} 的密码");
            PrintGenerated(generated);
        })));
        return command;
    }

    private static int WithUsers(string? connection, Action<UserAdministration> action)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        StoreServices.AddStore(builder.Services, connection);
        builder.Services.AddMonitoringUsers();
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        try
        {
            action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
        }
        catch (UserAdministrationException ex)
        {
            throw new UserErrorException(ex.Message);
        }

        return ExitCodes.Success;
    }

    private static string ReadPassword() =>
        Console.In.ReadLine() is { Length: > 0 } line ? line.TrimEnd('\r') : throw new UserErrorException("--password-stdin：标准输入没有密码");

    private static void PrintGenerated(string? generated)
    {
        if (generated is not null)
        {
            Console.WriteLine($"初始密码（只显示这一次）：{generated}");
        }
    }
}
