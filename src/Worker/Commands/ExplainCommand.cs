using System.CommandLine;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Explaining;
using Monitoring.Engine.Facts;
using Monitoring.Engine.Reading;
using Monitoring.Engine.Records;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Store.Replay;
using Monitoring.Store.Runs;
using Monitoring.Worker.Cli;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Commands;

/// <summary><c>explain</c>: every rule's outcome for one household, fired or not, each condition with its values — the "why not".</summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var input = new Option<string?>("--input") { Description = "农户记录文件（JSON Lines v1）；不给出时重放数据库中的批次（--run 或 --as-of）" };
        var household = new Option<string>("--household") { Description = "户编码", Required = true };
        var asOf = CommonOptions.AsOf(required: false);
        var run = new Option<long?>("--run") { Description = "重放数据库中的该批次（用其存档的规则集、农户版本、帮扶组户数与风险夜数），并核对是否与保存的发现逐字节一致" };
        var profile = CommonOptions.Profile();
        var rules = CommonOptions.Rules();
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL 连接串（默认 ConnectionStrings:Monitoring）" };
        var command = new Command("explain", "说明某户每条规则触发或未触发的原因（各条件的取值与差额）；--run N 或 --as-of D（无 --input）重放数据库中那一晚的批次")
        {
            input, household, asOf, run, profile, rules, connection,
        };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var asOfText = result.GetValue(asOf);
            if (result.GetValue(input) is { } inputPath)
            {
                if (result.GetValue(run) is not null)
                {
                    throw new UserErrorException("--input 与 --run 不能同时使用：--input 按文件评估，--run 重放数据库中的批次");
                }

                if (asOfText is null)
                {
                    throw new UserErrorException("按文件说明时必须给出 --as-of");
                }

                return Run(inputPath, result.GetValue(household)!, CommonOptions.ParseDate(asOfText, "--as-of"), result.GetValue(profile)!, result.GetValue(rules));
            }

            if (result.GetValue(run) is null && asOfText is null)
            {
                throw new UserErrorException("请给出 --input 与 --as-of（按文件说明），或 --run N / --as-of D（重放数据库中的批次）");
            }

            var explicitProfile = result.GetResult(profile) is { Implicit: false } ? result.GetValue(profile) : null;
            return Replay(result.GetValue(run), asOfText is null ? null : CommonOptions.ParseDate(asOfText, "--as-of"), explicitProfile,
                result.GetValue(household)!, result.GetValue(connection));
        }));
        return command;
    }

    /// <summary>Replays a stored run for one household and says whether it reproduces the stored findings byte for byte.</summary>
    private static int Replay(long? runId, DateOnly? asOf, string? profile, string householdId, string? connection)
    {
        var services = StoreServices.ForProcess(connection).Services;
        var queries = services.GetRequiredService<RunQueries>();
        var id = runId ?? queries.LatestCompletedRunOf(asOf!.Value, profile)
            ?? throw new UserErrorException($"数据库中没有评估日为 {asOf:yyyy-MM-dd}{(profile is null ? "" : $"、地区配置为 {profile}")} 的已完成批次");
        ReplayResult replay;
        try
        {
            replay = services.GetRequiredService<ReplayService>().Replay(id, householdId);
        }
        catch (ReplayRefusedException ex)
        {
            throw new UserErrorException(ex.Message);
        }

        Console.Out.WriteLine($"重放批次 {replay.Run}：评估日 {replay.AsOf:yyyy-MM-dd}，地区配置 {replay.Profile}，规则集存档 {replay.RuleSetHash[..16]}，农户版本 {replay.HouseholdHash[..12]}");
        if (replay.HelperGroup is { } group)
        {
            Console.Out.WriteLine($"帮扶人 {group.HelperName}（{group.CountyCode}）在该批次结对：监测户 {group.MonitoredCount} 户、脱贫户 {group.LiftedCount} 户、共 {group.HouseholdCount} 户");
        }

        if (replay.StoredCandidate.RiskSinceRunId is { } since)
        {
            Console.Out.WriteLine($"风险系列自批次 {since} 起，至本批次共 {replay.StoredCandidate.Nights?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"} 次夜间运行（宽限 {replay.StoredCandidate.GraceNights?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"} 次）");
        }

        ExplanationPrinter.Print(Console.Out, replay.Record, replay.Facts, replay.Explanations, replay.RuleSet, replay.AsOf);
        if (replay.Reproduced)
        {
            Console.Out.WriteLine($"重放结果与批次 {replay.Run} 保存的发现逐字节一致（{replay.StoredFindings.Count} 条）。");
            return ExitCodes.Success;
        }

        Console.Error.WriteLine($"错误：重放结果与批次 {replay.Run} 保存的发现不一致");
        foreach (var stored in replay.StoredFindings.Except(replay.ReplayedFindings, StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"  保存：{stored}");
        }

        foreach (var replayed in replay.ReplayedFindings.Except(replay.StoredFindings, StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"  重放：{replayed}");
        }

        return ExitCodes.Fatal;
    }

    private static int Run(string inputPath, string householdId, DateOnly asOf, string profile, string? rulesDirectory)
    {
        var catalog = CommonOptions.LoadCatalog(rulesDirectory);
        var ruleSet = CommonOptions.RuleSet(catalog, profile);
        var ids = new HouseholdIdSet();
        var helpers = new HelperGroupAccumulator(ids);
        HouseholdRecord? target = null;
        var rejectedTarget = false;
        using (var input = CommonOptions.OpenInput(inputPath))
        {
            var problems = new List<Monitoring.Engine.Validation.RecordProblem>();
            foreach (var (line, record) in ValidatedRecordReader.Read(input, asOf, problems.Add))
            {
                var entry = ids.Add(record.Id!, line, out _);
                if (record.Helper is { Name: { Length: > 0 } name })
                {
                    helpers.Add(record.Region?.CountyCode ?? "", name, entry, record.Category ?? "", record.Region?.VillageCode);
                }

                if (record.Id == householdId)
                {
                    target = record;
                }
            }

            foreach (var problem in problems)
            {
                Console.Error.WriteLine(problem.ToString());
            }

            rejectedTarget = target is null && problems.Count > 0;
        }

        if (target is null)
        {
            throw new UserErrorException(rejectedTarget
                ? $"文件中没有可评估的户 {householdId}（可能该户数据有误被拒绝，见上方错误）"
                : $"文件中没有户编码为 {householdId} 的记录");
        }

        var facts = HouseholdFactsBuilder.Build(target, asOf);
        var explanations = new HouseholdExplainer(ruleSet, asOf).Explain(facts, helpers.GroupOf(householdId));
        ExplanationPrinter.Print(Console.Out, target, facts, explanations, ruleSet, asOf);
        return ExitCodes.Success;
    }
}
