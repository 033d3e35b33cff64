using System.Text;
using System.Text.Json;
using Monitoring.Engine.Department;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Findings;
using Monitoring.Engine.Validation;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Support;

/// <summary>Runs households through the same pipeline as <c>evaluate</c> and returns the findings as parsed JSON.</summary>
internal static class Evaluate
{
    /// <param name="rosters">Department roster snapshots compared with (as <c>evaluate --rosters</c>); the households are
    /// always compared with each other for shared persons, as <c>evaluate</c> does.</param>
    public static (List<JsonElement> Findings, List<RecordProblem> Problems, EvaluationSummary Summary) Lines(IEnumerable<string> lines, DateOnly asOf, string profile = "cn-national", long sorterMemory = 128L * 1024 * 1024,
        IReadOnlyList<Monitoring.Rules.Department.RosterSnapshot>? rosters = null, List<RuleEvaluationProblem>? ruleProblems = null)
    {
        var problems = new List<RecordProblem>();
        var utf8 = lines.Select(l => Encoding.UTF8.GetBytes(l)).ToList();
        var pipeline = new EvaluationPipeline(SharedCatalog.Instance.ForProfile(profile), asOf, workers: 2)
        {
            OnProblem = problems.Add,
            OnRuleProblem = ruleProblems is null ? null : ruleProblems.Add,
            SorterMemoryLimitBytes = sorterMemory,
            Department = new DepartmentContext(new RosterIndex(rosters ?? [], asOf), PersonIndex.Build(wanted => HouseholdPeople.Scan(utf8, wanted))),
        };
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        using var output = new MemoryStream();
        var summary = pipeline.Run(input, output);
        var findings = Encoding.UTF8.GetString(output.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
        return (findings, problems, summary);
    }
}
