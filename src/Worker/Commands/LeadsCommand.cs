using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Engine.Cases;
using Monitoring.Store.Access;
using Monitoring.Store.Leads;
using Monitoring.Store.Web;
using Monitoring.Worker.Cli;
using Npgsql;

namespace Monitoring.Worker.Commands;

/// <summary>
/// <c>leads list|show|confirm|reject|add</c>: thin callers of <see cref="LeadService"/>. The CLI is the operator of the
/// whole store (its caller has every area, role county, named by <c>--by</c>); every view and decision goes to the access
/// log like the web's.
/// </summary>
public static class LeadsCommand
{
    public static Command Create() => new("leads", "线索（农户自主申报、部门预警、村级上报）：查看、核实确认、核实排除、村级上报")
    {
        List(),
        Show(),
        Confirm(),
        Reject(),
        Add(),
    };

    private static Option<long> Id() => new("--id") { Description = "线索编号", Required = true };

    private static Command List()
    {
        var village = new Option<string?>("--village") { Description = "只看一个村、镇或县（12、9 或 6 位地区编码）" };
        var status = new Option<string?>("--status") { Description = "只看一种状态：pending（待核实）| confirmed（已确认）| rejected（已排除）" };
        var by = CaseOptions.By();
        var connection = CaseOptions.Connection();
        var rules = CommonOptions.Rules();
        var command = new Command("list", "线索列表（最新在前）：来源、状态、村、农户、成员、困难类别、日期；身份证号已遮蔽") { village, status, by, connection, rules };
        command.SetAction(result => Run(result, by, connection, rules, (leads, caller) =>
        {
            var rows = leads.List(caller, result.GetValue(village), result.GetValue(status));
            if (rows.Count == 0)
            {
                Console.WriteLine("没有线索");
                return ExitCodes.Success;
            }

            Console.WriteLine("编号\t来源\t状态\t村\t户编码\t成员\t姓名\t身份证号\t困难类别\t日期\t来源记录");
            foreach (var lead in rows)
            {
                Console.WriteLine(string.Join('\t', lead.Id, lead.SourceZh, lead.StatusZh, lead.VillageName ?? lead.VillageCode ?? $"县 {lead.CountyCode}（未匹配）",
                    lead.HouseholdId ?? "—", lead.MemberId ?? "—", lead.PersonName ?? "—", lead.IdNumber ?? "—", lead.DifficultyZh,
                    lead.RaisedOn.ToString("yyyy-MM-dd"), lead.SourceReference ?? "—"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = Id();
        var by = CaseOptions.By();
        var connection = CaseOptions.Connection();
        var rules = CommonOptions.Rules();
        var command = new Command("show", "一条线索：来源、匹配的农户和成员、困难说明、状态及其历史") { id, by, connection, rules };
        command.SetAction(result => Run(result, by, connection, rules, (leads, caller) =>
        {
            var lead = leads.Get(caller, result.GetValue(id)) ?? throw new UserErrorException($"没有线索 #{result.GetValue(id)}");
            Print(lead);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Confirm()
    {
        var id = Id();
        var household = new Option<string?>("--household") { Description = "核实后的农户户编码（线索未匹配到农户，或匹配有误时）" };
        var by = CaseOptions.By();
        var connection = CaseOptions.Connection();
        var rules = CommonOptions.Rules();
        var command = new Command("confirm", "核实确认：在农户记录上登记事件（农户自主申报 / 部门预警，日期为线索日期），下一次夜间评估照常读取") { id, household, by, connection, rules };
        command.SetAction(result => Run(result, by, connection, rules, (leads, caller) =>
        {
            var lead = leads.Confirm(caller, result.GetValue(id), result.GetValue(household)) ?? throw new UserErrorException($"没有线索 #{result.GetValue(id)}");
            Console.WriteLine($"已确认线索 #{lead.Id}：农户 {lead.History[^1].HouseholdId} 登记事件“{(lead.Source == LeadSourceKinds.DepartmentWarning ? "部门预警" : "农户自主申报")}”，日期 {lead.RaisedOn:yyyy-MM-dd}（案件日志 #{lead.History[^1].CaseLogId}）");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Reject()
    {
        var id = Id();
        var reason = new Option<string>("--reason") { Description = "排除理由（必填）", Required = true };
        var by = CaseOptions.By();
        var connection = CaseOptions.Connection();
        var rules = CommonOptions.Rules();
        var command = new Command("reject", "核实排除：须写明理由") { id, reason, by, connection, rules };
        command.SetAction(result => Run(result, by, connection, rules, (leads, caller) =>
        {
            var lead = leads.Reject(caller, result.GetValue(id), result.GetValue(reason)) ?? throw new UserErrorException($"没有线索 #{result.GetValue(id)}");
            Console.WriteLine($"已排除线索 #{lead.Id}：{lead.Reason}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Add()
    {
        var village = new Option<string>("--village") { Description = "村级代码（12 位）", Required = true };
        var household = CaseOptions.Household();
        var kind = new Option<string>("--kind") { Description = "困难类别（代码或中文，见 docs/leads.md）", Required = true };
        var description = new Option<string>("--description") { Description = "情况说明（最多 500 字）", Required = true };
        var by = CaseOptions.By();
        var connection = CaseOptions.Connection();
        var rules = CommonOptions.Rules();
        var command = new Command("add", "村级上报一条线索（本村农户）") { village, household, kind, description, by, connection, rules };
        command.SetAction(result => Run(result, by, connection, rules, (leads, caller) =>
        {
            var lead = leads.Report(caller, result.GetValue(village)!, result.GetValue(household)!, result.GetValue(kind), result.GetValue(description));
            Console.WriteLine($"已上报线索 #{lead.Id}：{lead.VillageName ?? lead.VillageCode} 农户 {lead.HouseholdId}，{lead.DifficultyZh}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(LeadRow lead)
    {
        Console.WriteLine($"线索 #{lead.Id}　{lead.SourceZh}　{lead.StatusZh}");
        if (lead.ReceiptNo is not null)
        {
            Console.WriteLine($"回执号：{lead.ReceiptNo}");
        }

        if (lead.ListId is not null)
        {
            Console.WriteLine($"部门名单：{lead.SourceReference}");
        }

        Console.WriteLine($"地区：{lead.VillageName ?? "—"}（{lead.VillageCode ?? "未匹配到村，县 " + lead.CountyCode}）");
        Console.WriteLine($"农户：{lead.HouseholdId ?? "未匹配"}　成员：{lead.MemberId ?? "—"}　姓名：{lead.PersonName ?? "—"}　身份证号：{lead.IdNumber ?? "—"}　电话：{lead.Phone ?? "—"}");
        Console.WriteLine($"困难类别：{lead.DifficultyZh}");
        Console.WriteLine($"说明：{lead.Description}");
        Console.WriteLine($"日期：{lead.RaisedOn:yyyy-MM-dd}　提出：{lead.RaisedBy}（{lead.RaisedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC）");
        Console.WriteLine("状态历史：");
        foreach (var entry in lead.History)
        {
            var what = entry.Status switch
            {
                LeadStatuses.Confirmed => $"确认，农户 {entry.HouseholdId} 登记事件（案件日志 #{entry.CaseLogId}）",
                LeadStatuses.Rejected => $"排除：{entry.Reason}",
                _ => "待核实",
            };
            Console.WriteLine($"  {entry.DecidedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC　{entry.DecidedBy}　{what}");
        }
    }

    private static int Run(ParseResult result, Option<string?> by, Option<string?> connection, Option<string?> rules, Func<LeadService, Caller, int> action) =>
        CommandRunner.Run(() =>
        {
            var cases = CaseOptions.Service(result.GetValue(rules), result.GetValue(connection), null);
            var services = StoreServices.ForProcess(result.GetValue(connection)).Services;
            var leads = new LeadService(services.GetRequiredService<NpgsqlDataSource>(), cases, services.GetRequiredService<AccessLog>(), services.GetRequiredService<TimeProvider>());
            var caller = new Caller(CaseOptions.Actor(result.GetValue(by)), UserRole.County, "", CaseOptions.Client());
            try
            {
                return action(leads, caller);
            }
            catch (DeclarationInvalidException ex)
            {
                throw new UserErrorException(string.Join("；", ex.Problems.Values));
            }
            catch (Exception ex) when (ex is LeadRejectedException or CaseRejectedException or OutsideAreaException or NotPermittedException)
            {
                throw new UserErrorException(ex.Message);
            }
            catch (ArgumentException ex)
            {
                throw new UserErrorException(ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
            }
        });
}
