using System.CommandLine;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Explaining;
using Monitoring.Engine.Facts;
using Monitoring.Engine.Reading;
using Monitoring.Engine.Records;
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
        var input = new Option<string>("--input") { Description = "农户记录文件（JSON Lines v1）", Required = true };
        var household = new Option<string>("--household") { Description = "户编码", Required = true };
        var asOf = CommonOptions.AsOf(required: true);
        var profile = CommonOptions.Profile();
        var rules = CommonOptions.Rules();
        var command = new Command("explain", "说明某户每条规则触发或未触发的原因（各条件的取值与差额）") { input, household, asOf, profile, rules };
        command.SetAction(result => CommandRunner.Run(() => Run(result.GetValue(input)!, result.GetValue(household)!,
            CommonOptions.ParseDate(result.GetValue(asOf), "--as-of"), result.GetValue(profile)!, result.GetValue(rules))));
        return command;
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
