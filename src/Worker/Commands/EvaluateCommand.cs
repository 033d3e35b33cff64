using System.CommandLine;
using System.Text;
using Monitoring.Engine.Department;
using Monitoring.Engine.Evaluation;
using Monitoring.Worker.Cli;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Commands;

/// <summary><c>evaluate</c>: household records in, explained findings out (JSON Lines or a table), summary on stderr.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "农户记录文件（JSON Lines v1）", Required = true };
        var asOf = CommonOptions.AsOf(required: true);
        var profile = CommonOptions.Profile();
        var output = new Option<string>("--output") { Description = "发现输出文件，- 为标准输出", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format") { Description = "jsonl（默认）或 table", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var rules = CommonOptions.Rules();
        var workers = new Option<int?>("--workers") { Description = "并行线程数（默认为 CPU 核数）" };
        var rosters = new Option<string?>("--rosters") { Description = "部门名单目录（不经数据库比对）：文件名为 <名单>.<县级代码>.<快照日期>.jsonl|xlsx|csv，见 docs/department-mapping.md" };
        var command = new Command("evaluate", "按规则评估农户记录，输出带解释的发现（JSON Lines），摘要输出到标准错误") { input, asOf, profile, output, format, rules, workers, rosters };
        command.SetAction(result => CommandRunner.Run(() => Run(
            result.GetValue(input)!, CommonOptions.ParseDate(result.GetValue(asOf), "--as-of"), result.GetValue(profile)!,
            result.GetValue(output)!, result.GetValue(format)!, result.GetValue(rules), result.GetValue(workers), result.GetValue(rosters))));
        return command;
    }

    private static int Run(string inputPath, DateOnly asOf, string profile, string outputPath, string format, string? rulesDirectory, int? workers,
        string? rostersDirectory)
    {
        var catalog = CommonOptions.LoadCatalog(rulesDirectory);
        var ruleSet = CommonOptions.RuleSet(catalog, profile);
        var snapshots = rostersDirectory is null ? [] : DepartmentOptions.LoadRosters(rostersDirectory);
        using var input = CommonOptions.OpenInput(inputPath);
        var stderr = Console.Error;
        var pipeline = new EvaluationPipeline(ruleSet, asOf, workers)
        {
            OnProblem = problem => stderr.WriteLine(problem.ToString()),
            // DATA-DUPLICATE-PERSON compares every household of the file: a first pass reads the members' resident IDs.
            Department = new DepartmentContext(new RosterIndex(snapshots, asOf), HouseholdPeople.IndexFile(inputPath)),
        };

        EvaluationSummary summary;
        using var target = OutputTarget.Open(outputPath);
        if (format == "table")
        {
            using var buffer = new MemoryStream();
            summary = pipeline.Run(input, buffer);
            buffer.Position = 0;
            FindingTable.Write(buffer, target.Text());
        }
        else
        {
            summary = pipeline.Run(input, target.Stream);
        }

        target.Commit();

        SummaryPrinter.Print(stderr, summary, ruleSet);
        if (summary.HouseholdsRead == 0)
        {
            stderr.WriteLine($"输入文件 {inputPath} 中没有任何农户记录（空文件或只有空行）");
            return ExitCodes.RecordsRejected;
        }

        if (summary.ErrorsByRule.Count > 0)
        {
            return ExitCodes.Fatal;
        }

        return summary.HouseholdsInvalid > 0 ? ExitCodes.RecordsRejected : ExitCodes.Success;
    }
}
