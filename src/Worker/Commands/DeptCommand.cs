using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Engine.Evaluation;
using Monitoring.Rules.Department;
using Monitoring.Store.Department;
using Monitoring.Worker.Cli;
using Npgsql;

namespace Monitoring.Worker.Commands;

/// <summary>
/// <c>dept import|list</c>: department deliveries (department-data.md). A delivery of one list for one county is stored
/// as an immutable snapshot, all or nothing; <c>list</c> shows what each department delivered per county and when the
/// next delivery is due (warn-* every <c>feedIntervalDays</c>, other lists every <c>rosterMaxAgeDays</c>, county-set).
/// </summary>
public static class DeptCommand
{
    public static Command Create() => new("dept", "部门数据报送：导入部门名单快照、查看各部门报送情况")
    {
        Import(),
        List(),
    };

    private static Command Import()
    {
        var list = new Option<string>("--list") { Description = "名单：" + DepartmentLists.Describe(), Required = true };
        var county = new Option<string>("--county") { Description = "县级代码（6 位）", Required = true };
        var snapshot = new Option<string>("--snapshot") { Description = "快照日期 YYYY-MM-DD（名单所反映的日期）", Required = true };
        var input = new Option<string>("--input") { Description = "名单文件：JSON Lines（.jsonl），或中文表头的 .xlsx / .csv（见 docs/department-mapping.md）", Required = true };
        var by = CaseOptions.By();
        var connection = CaseOptions.Connection();
        var command = new Command("import", "导入一个部门名单快照：整文件要么全部导入，要么（有任何错误时）一行也不写入") { list, county, snapshot, input, by, connection };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var snapshotDate = CommonOptions.ParseDate(result.GetValue(snapshot), "--snapshot");
            var path = result.GetValue(input)!;
            var store = StoreServices.ForProcess(result.GetValue(connection)).Services.GetRequiredService<DepartmentDeliveryStore>();
            using var stream = CommonOptions.OpenInput(path);
            try
            {
                var done = store.Import(result.GetValue(list)!, result.GetValue(county)!, snapshotDate, stream, path,
                    CaseOptions.Actor(result.GetValue(by)), problem => Console.Error.WriteLine(problem.ToString()));
                if (!done.Committed)
                {
                    Console.Error.WriteLine($"导入未执行：读取 {done.Read:N0} 行，其中 {done.Rejected:N0} 行有误（见上），数据库未作任何改动");
                    return ExitCodes.RecordsRejected;
                }

                if (done.AlreadyDelivered)
                {
                    Console.Error.WriteLine($"未变化：{result.GetValue(list)} 县 {result.GetValue(county)} 快照 {snapshotDate:yyyy-MM-dd} 的相同内容已于报送 #{done.DeliveryId} 导入");
                    return ExitCodes.Success;
                }

                Console.Error.WriteLine($"已导入：{result.GetValue(list)} 县 {result.GetValue(county)} 快照 {snapshotDate:yyyy-MM-dd}，{done.Read:N0} 行（报送 #{done.DeliveryId}）"
                    + (DepartmentLists.IsWarning(result.GetValue(list)!) ? $"，新增线索 {done.LeadsRaised:N0} 条" : ""));
                return ExitCodes.Success;
            }
            catch (DeliveryRefusedException ex)
            {
                throw new UserErrorException(ex.Message);
            }
        }));
        return command;
    }

    private static Command List()
    {
        var county = new Option<string?>("--county") { Description = "只看一个县（县级代码）" };
        var asOf = CaseOptions.AsOf();
        var profile = CommonOptions.Profile();
        var rules = CommonOptions.Rules();
        var connection = CaseOptions.Connection();
        var command = new Command("list", "各县各部门名单的报送情况：最新快照、报送时间、行数、报送人，以及下次应报送日期") { county, asOf, profile, rules, connection };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var today = CaseOptions.Today(result.GetValue(asOf));
            var ruleSet = CommonOptions.RuleSet(CommonOptions.LoadCatalog(result.GetValue(rules)), result.GetValue(profile)!);
            var parameters = new HouseholdEvaluator(ruleSet, today, new RuleVersions());
            var store = StoreServices.ForProcess(result.GetValue(connection)).Services.GetRequiredService<DepartmentDeliveryStore>();
            var deliveries = store.List(result.GetValue(county));
            if (deliveries.Count == 0)
            {
                Console.WriteLine("尚无部门报送记录");
                return ExitCodes.Success;
            }

            Console.WriteLine("县级代码\t名单\t部门名单\t最新快照\t报送时间(UTC)\t行数\t报送人\t文件\t累计报送\t下次应报送");
            foreach (var group in deliveries.GroupBy(d => (d.CountyCode, d.ListId)))
            {
                var newest = group.First();
                var parameter = DepartmentLists.IsWarning(newest.ListId) ? "feedIntervalDays" : "rosterMaxAgeDays";
                var interval = parameters.IntParameter(parameter, newest.CountyCode);
                var due = interval is { } days ? newest.SnapshotDate.AddDays(days) : (DateOnly?)null;
                var dueText = due is { } d ? $"{d:yyyy-MM-dd}（每 {interval} 天，{parameter}）{(d < today ? "　已逾期" : "")}" : "—";
                Console.WriteLine(string.Join('\t', newest.CountyCode, newest.ListId, DepartmentLists.NameZh(newest.ListId), newest.SnapshotDate.ToString("yyyy-MM-dd"),
                    newest.DeliveredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), newest.Rows, newest.DeliveredBy, newest.FileName, group.Count(), dueText));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
