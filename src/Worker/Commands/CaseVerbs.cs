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

/// <summary>
/// <c>case open|step|helper|plan|measure|visit|release-step|revisit|show</c>: record the inclusion and release procedure of a
/// household's monitoring case. Each command becomes a new household version and a case-log row in one transaction; a
/// command the procedure does not allow is refused with the rule and clause.
/// </summary>
public static class CaseVerbs
{
    public static Command Create()
    {
        var command = new Command("case", "监测对象纳入、帮扶、走访、风险消除与回访的登记和查看（每条登记都写入不可修改的案件日志）")
        {
            Recording(CaseCommand.Open, "立案：从监测预警候选户、农户自主申报或部门预警启动识别程序", (c, o) => c with
            {
                Trigger = o.Get(o.Trigger),
                MonitoringType = o.Get(o.Type),
            }, o => [o.Trigger, o.Type]),
            Recording(CaseCommand.Step, "登记一个纳入程序步骤（顺序与时限按地区配置）", (c, o) => c with
            {
                StepName = o.Get(o.Step),
                Until = o.Date(o.Until, "--until"),
                MonitoringType = o.Get(o.Type),
            }, o => [o.Step, o.Until, o.Type]),
            Recording(CaseCommand.Helper, "明确帮扶责任人（结对帮扶人）", (c, o) => c with { HelperName = o.Get(o.Name) }, o => [o.Name]),
            Recording(CaseCommand.Plan, "登记“一户一策”帮扶方案的制定日期", (c, _) => c, _ => []),
            Recording(CaseCommand.Measure, "登记一项已落实的帮扶措施", (c, o) => c with { MeasureKind = o.Get(o.Kind) }, o => [o.Kind]),
            Recording(CaseCommand.Visit, "登记一次入户走访", (c, _) => c, _ => []),
            Recording(CaseCommand.ReleaseStep, "登记一个风险消除步骤（村公示、镇复核、部门审定、县级公告）", (c, o) => c with
            {
                StepName = o.Get(o.Step),
                Until = o.Date(o.Until, "--until"),
            }, o => [o.Step, o.Until]),
            Recording(CaseCommand.Revisit, "登记风险消除后的回访", (c, _) => c, _ => []),
            Amending(CaseCommand.Correct, "更正案件日志中的一条登记（原登记保留在日志中；户记录按更正后的日志重建）"),
            Amending(CaseCommand.Void, "作废案件日志中的一条登记（原登记保留在日志中；户记录按作废后的日志重建）"),
            CaseShow.Create(),
        };
        return command;
    }

    private static Command Recording(string name, string description, Func<CaseCommand, Args, CaseCommand> build, Func<Args, Option[]> extra)
    {
        var args = new Args();
        var command = new Command(name, description) { args.Household, args.DateOption, args.By, args.AsOf, args.Profile, args.Rules, args.Connection };
        foreach (var option in extra(args))
        {
            command.Options.Add(option);
        }

        command.SetAction(result => CommandRunner.Run(() =>
        {
            args.Result = result;
            var today = CaseOptions.Today(result.GetValue(args.AsOf));
            var caseCommand = build(new CaseCommand { Name = name, Date = CommonOptions.ParseDate(result.GetValue(args.DateOption), "--date") }, args);
            var service = CaseOptions.Service(result.GetValue(args.Rules), result.GetValue(args.Connection), result.GetValue(args.Profile));
            var household = result.GetValue(args.Household)!;
            return Recorded(
                () => service.Execute(household, caseCommand, CaseOptions.Actor(result.GetValue(args.By)), CaseOptions.Client(), today),
                done => $"已登记：户 {household} {name} {caseCommand.PayloadJson()}（案件日志 #{done.LogId}，户记录版本 {done.ResultingHash[..12]}{(done.NewVersion ? "" : "，与已有版本相同")}）");
        }));
        return command;
    }

    private static Command Amending(string name, string description)
    {
        var args = new Args();
        var entry = new Option<long>("--entry") { Description = "被更正或作废的案件日志条目号（case show 中的 #N）", Required = true };
        var reason = new Option<string>("--reason") { Description = "更正或作废的原因", Required = true };
        var date = new Option<string?>("--date") { Description = "更正后的日期 YYYY-MM-DD" };
        var step = new Option<string?>("--step") { Description = "更正后的步骤（代码或中文名称）" };
        var command = new Command(name, description) { args.Household, entry, reason, args.By, args.AsOf, args.Profile, args.Rules, args.Connection };
        if (name == CaseCommand.Correct)
        {
            foreach (var option in new Option[] { date, step, args.Until, args.Trigger, args.Type, new Option<string?>("--name") { Description = "更正后的帮扶责任人姓名" }, new Option<string?>("--kind") { Description = "更正后的帮扶措施类别（代码或中文名称）" } })
            {
                command.Options.Add(option);
            }
        }

        command.SetAction(result => CommandRunner.Run(() =>
        {
            args.Result = result;
            var today = CaseOptions.Today(result.GetValue(args.AsOf));
            var service = CaseOptions.Service(result.GetValue(args.Rules), result.GetValue(args.Connection), result.GetValue(args.Profile));
            var household = result.GetValue(args.Household)!;
            var actor = CaseOptions.Actor(result.GetValue(args.By));
            var target = result.GetValue(entry);
            var why = result.GetValue(reason)!;
            CaseCommandResult Amend()
            {
                if (name != CaseCommand.Correct)
                {
                    return service.Void(household, target, why, actor, CaseOptions.Client(), today);
                }

                var correction = new CaseCorrection
                {
                    Date = args.Date(date, "--date"),
                    StepName = args.Get(step),
                    Until = args.Date(args.Until, "--until"),
                    Trigger = args.Get(args.Trigger),
                    MonitoringType = args.Get(args.Type),
                    HelperName = result.GetValue<string?>("--name"),
                    MeasureKind = result.GetValue<string?>("--kind"),
                };
                if (correction.IsEmpty)
                {
                    throw new UserErrorException("case correct 须给出至少一项更正后的值（--date、--step、--until、--kind、--type、--name、--trigger）");
                }

                return service.Correct(household, target, why, correction, actor, CaseOptions.Client(), today);
            }

            return Recorded(
                Amend,
                done => $"已登记：户 {household} {name} #{target}（案件日志 #{done.LogId}，原登记保留；户记录版本 {done.ResultingHash[..12]}{(done.NewVersion ? "" : "，与已有版本相同")}）");
        }));
        return command;
    }

    /// <summary>Records a case command (or correction) and reports it; a refusal or an unknown household writes nothing.</summary>
    private static int Recorded(Func<CaseCommandResult> record, Func<CaseCommandResult, string> describe)
    {
        try
        {
            var done = record();
            Console.Error.WriteLine(describe(done));
            Report(done);
            return ExitCodes.Success;
        }
        catch (CaseRejectedException ex)
        {
            throw new UserErrorException($"已拒绝，未作任何登记：{ex.Message}");
        }
        catch (KeyNotFoundException ex)
        {
            throw new UserErrorException(ex.Message);
        }
    }

    private static void Report(CaseCommandResult done)
    {
        Console.Error.WriteLine($"案件状态：{CaseStates.Zh(CaseStates.Of(done.Record.Case))}；户类别：{CaseTexts.Category(done.Record.Category)}");
        foreach (var warning in done.Warnings)
        {
            Console.Error.WriteLine(warning);
        }
    }

    /// <summary>The options of one recording verb and, while it runs, their parsed values.</summary>
    private sealed class Args
    {
        public Option<string> Household { get; } = CaseOptions.Household();

        public Option<string> DateOption { get; } = CaseOptions.Date();

        public Option<string?> By { get; } = CaseOptions.By();

        public Option<string?> AsOf { get; } = CaseOptions.AsOf();

        public Option<string?> Profile { get; } = CaseOptions.Profile();

        public Option<string?> Rules { get; } = CommonOptions.Rules();

        public Option<string?> Connection { get; } = CaseOptions.Connection();

        public Option<string?> Trigger { get; } = new("--trigger") { Description = "立案来源：candidate（监测预警候选户，默认）| self_declared（农户自主申报）| department_warning（部门预警）" };

        public Option<string?> Type { get; } = new("--type") { Description = "监测对象类型：unstable 脱贫不稳定户 | marginal 边缘易致贫户 | hardship 突发严重困难户" };

        public Option<string?> Step { get; } = new("--step") { Description = "步骤：代码或中文名称（如 warning_notice 或 发放风险预警告知书，见 docs/cases.md）", Required = true };

        public Option<string?> Until { get; } = new("--until") { Description = "公示截止日期 YYYY-MM-DD（村内公示必填）" };

        public Option<string?> Name { get; } = new("--name") { Description = "帮扶责任人姓名", Required = true };

        public Option<string?> Kind { get; } = new("--kind") { Description = "帮扶措施类别：代码或中文名称（industry 产业 | employment 就业 | public_welfare_job 公益岗位 | education 教育 | medical 医疗 | housing 住房 | water 饮水 | assistance 兜底 | insurance 保险 | other 其他）", Required = true };

        public ParseResult? Result { get; set; }

        public string? Get(Option<string?> option) => Result!.GetValue(option);

        public DateOnly? Date(Option<string?> option, string name) => Get(option) is { } text ? CommonOptions.ParseDate(text, name) : null;
    }
}
