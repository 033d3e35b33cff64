using System.Text.Json.Nodes;
using Monitoring.Tests.Store;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Output;

/// <summary>
/// A store seeded with valid resident ID numbers in every text field (household id, place names, member ids and names,
/// event notes, helper names, the <c>--by</c> actor, case command payloads, mistyped options): no output of any verb —
/// standard output, standard error, files written (workbooks unzipped) — shows one in clear.
/// </summary>
public sealed class NoResidentIdInClearTests : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);

    /// <summary>Verbs that do not read records or the store, or that only run as a service (its logs: <see cref="MaskingLoggerTests"/>).</summary>
    private static readonly HashSet<string> NotCovered = ["bench", "bench-web", "service"];

    /// <summary>Verbs that read files only (no <c>--connection</c>), unless given <c>--run</c>.</summary>
    private static readonly HashSet<string> FileVerbs = ["evaluate", "explain", "rules", "generate", "bench"];

    private readonly PostgresFixture _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("monitoring-masking-").FullName;
    private readonly HashSet<string> _verbsRun = new(StringComparer.Ordinal);
    private readonly List<string> _files = [];

    public NoResidentIdInClearTests(PostgresFixture db) => _db = db.Migrated();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void No_output_of_any_verb_shows_a_resident_id_in_clear()
    {
        var generated = SeededResidentIds.Generated(120, AsOf);
        var records = Path.Combine(_dir, "households.jsonl");
        File.WriteAllLines(records, generated.Select(SampleHousehold.Line));

        // One household taken through the case procedure by hand: every case command's fields carry numbers too.
        var caseId = SeededResidentIds.For(1, 900);
        var crafted = SampleHousehold.Create(caseId);
        SeededResidentIds.Seed(crafted, 900, []);
        crafted["helper"] = null;
        crafted["visits"] = new JsonArray();
        var villageCode = crafted["region"]!["villageCode"]!.GetValue<string>();
        var caseRecords = Path.Combine(_dir, "case.jsonl");
        File.WriteAllText(caseRecords, SampleHousehold.Line(crafted) + "\n");
        var actor = SeededResidentIds.For(9, 901);

        // Bad input whose problems name fields holding numbers (a repeated household id, a member id repeated in a household).
        var bad = generated[0].DeepClone().AsObject();
        var members = bad["members"]!.AsArray();
        members.Add(members[0]!.DeepClone());
        var badRecords = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllLines(badRecords, [SampleHousehold.Line(generated[1]), SampleHousehold.Line(generated[1]), SampleHousehold.Line(bad)]);

        Run(0, "generate", "--households", "3", "--output", Path.Combine(_dir, "generated.jsonl"));
        Run(0, "migrate");
        Run(0, "import", "--input", records, "--as-of", "2022-06-30");
        Run(2, "import", "--input", badRecords, "--as-of", "2022-06-30");
        Run(0, "import", "--input", caseRecords, "--as-of", "2021-09-01");

        Case("open", "2021-09-15", "--type", "unstable");
        Case("step", "2021-09-15", "--step", "warning_notice");
        Case("step", "2021-09-16", "--step", "home_verification");
        Case("step", "2021-09-16", "--step", "consent");
        Case("step", "2021-09-17", "--step", "data_comparison");
        Case("step", "2021-09-18", "--step", "village_review");
        Case("step", "2021-09-18", "--step", "public_notice", "--until", "2021-09-22");
        Run(1, "case", "step", "--household", caseId, "--date", "2021-09-19", "--as-of", "2021-09-19", "--by", actor, "--step", "步骤" + SeededResidentIds.For(9, 902));
        Run(1, "case", "show", "--household", SeededResidentIds.For(1, 999));
        Run(null, "case", "helper", "--household", caseId, "--date", "2021-09-19", "--as-of", "2021-09-19", "--by", actor, "--name", "王" + SeededResidentIds.For(9, 903));

        var history = Run(0, "history", "--household", caseId);
        Assert.Contains(SeededResidentIds.Masked(caseId), history.Stdout, StringComparison.Ordinal);
        Assert.Contains(SeededResidentIds.Masked(actor), history.Stdout, StringComparison.Ordinal);
        Run(1, "history", "--household", SeededResidentIds.For(1, 999));

        var show = Run(0, "case", "show", "--household", caseId, "--as-of", "2021-09-20");
        Assert.Contains(SeededResidentIds.Masked(caseId), show.Stdout, StringComparison.Ordinal);
        Assert.Contains(SeededResidentIds.Masked(actor), show.Stdout, StringComparison.Ordinal);

        Run(0, "notice-list", "--village", villageCode, "--as-of", "2021-09-20", "--format", "html", "--output", Out("notice.html"));
        var notice = System.IO.File.ReadAllText(Path.Combine(_dir, "notice.html"));
        Assert.Contains("拟纳入监测", notice, StringComparison.Ordinal);
        Assert.Contains("********", notice, StringComparison.Ordinal);
        Run(0, "notice-list", "--village", villageCode, "--as-of", "2021-09-20", "--output", Out("notice.xlsx"));
        var due = Run(0, "due", "--as-of", "2021-09-20", "--within", "90d");
        Assert.Contains(SeededResidentIds.Masked(caseId), due.Stdout, StringComparison.Ordinal);
        Run(0, "due", "--as-of", "2022-06-30", "--within", "30d", "--output", Out("due.txt"));
        Run(0, "due", "--as-of", "2022-06-30", "--format", "xlsx", "--output", Out("due.xlsx"));
        Run(0, "due", "--village", villageCode, "--as-of", "2021-09-20");

        // Department deliveries: a warning list naming members by number with numbers in its notes, a bad file, the deliveries.
        var county = generated[3]["region"]!["countyCode"]!.GetValue<string>();
        var warnings = Path.Combine(_dir, "warn-yingji.jsonl");
        File.WriteAllLines(warnings, [
            $$"""{"idNumber": "{{SeededResidentIds.For(6, 30)}}", "date": "2022-06-10", "kind": "disaster", "note": "户主 {{SeededResidentIds.For(8, 905)}}"}""",
            $$"""{"idNumber": "{{SeededResidentIds.For(6, 40)}}", "date": "2022-06-12", "kind": "accident"}"""]);
        Run(0, "dept", "import", "--list", "warn-yingji", "--county", county, "--snapshot", "2022-06-15", "--input", warnings, "--by", actor);
        var badWarnings = Path.Combine(_dir, "warn-bad.jsonl");
        File.WriteAllLines(badWarnings, [$$"""{"idNumber": "{{SeededResidentIds.For(6, 50)}}", "kind": "事故{{SeededResidentIds.For(8, 906)}}"}"""]);
        Run(2, "dept", "import", "--list", "warn-yingji", "--county", county, "--snapshot", "2022-06-16", "--input", badWarnings, "--by", actor);
        var deliveries = Run(0, "dept", "list", "--county", county, "--as-of", "2022-06-30");
        Assert.Contains("warn-yingji", deliveries.Stdout, StringComparison.Ordinal);

        // Leads: the warning lines above (numbers in ids and notes), a village report with a number in its description,
        // a rejection with one in its reason, a confirmation recorded on the case household.
        Assert.Contains("部门预警", Run(0, "leads", "list", "--by", actor).Stdout, StringComparison.Ordinal);
        Run(0, "leads", "show", "--id", "1", "--by", actor);
        Run(0, "leads", "add", "--village", villageCode, "--household", caseId, "--kind", "other", "--description", "邻居 " + SeededResidentIds.For(8, 907), "--by", actor);
        Run(0, "leads", "reject", "--id", "2", "--reason", "核实 " + SeededResidentIds.For(8, 908), "--by", actor);
        Run(0, "leads", "confirm", "--id", "3", "--by", actor);
        Run(0, "leads", "show", "--id", "3", "--by", actor);
        Run(0, "leads", "list", "--status", "rejected");
        Run(1, "leads", "confirm", "--id", "99", "--household", SeededResidentIds.For(1, 997));

        Run(0, "run-nightly", "--as-of", "2022-06-30");
        var exported = Run(0, "export-findings");
        Assert.Contains(SeededResidentIds.Masked(SeededResidentIds.For(1, 0))[..14], exported.Stdout, StringComparison.Ordinal);
        Run(0, "export-findings", "--output", Out("findings.jsonl"));
        Run(0, "export-findings", "--format", "xlsx", "--output", Out("findings.xlsx"));
        Run(0, "export-findings", "--village", villageCode);
        Run(0, "export-findings", "--household", SeededResidentIds.For(1, 3));

        // Runs: a second night, the list, one run, the difference between them; a night replayed from the store.
        Run(0, "import", "--input", caseRecords, "--as-of", "2021-09-01");
        Run(0, "run-nightly", "--as-of", "2022-07-31");
        Run(0, "runs", "list");
        Run(0, "runs", "show", "1");
        Run(0, "runs", "diff", "1", "2");
        var replayed = Run(0, "explain", "--run", "1", "--household", SeededResidentIds.For(1, 3));
        Assert.Contains(SeededResidentIds.Masked(SeededResidentIds.For(1, 3)), replayed.Stdout, StringComparison.Ordinal);
        Assert.Contains("逐字节一致", replayed.Stdout, StringComparison.Ordinal);
        Run(null, "explain", "--as-of", "2022-06-30", "--household", caseId);

        // A household's change log of another household (the case household's is checked above).
        Run(0, "history", "--household", SeededResidentIds.For(1, 3));

        // Web users: a display name with a number in it.
        Run(0, "users", "add", "--user", "auditor1", "--role", "auditor", "--area", "610728", "--display-name", "审计员" + SeededResidentIds.For(9, 904));
        Run(0, "users", "list");

        var evaluated = Run(0, "evaluate", "--input", records, "--as-of", "2022-06-30");
        Assert.Contains(SeededResidentIds.Masked(SeededResidentIds.For(1, 0))[..14], evaluated.Stdout, StringComparison.Ordinal);
        Run(0, "evaluate", "--input", records, "--as-of", "2022-06-30", "--format", "table");
        Run(0, "evaluate", "--input", records, "--as-of", "2022-06-30", "--output", Out("evaluated.jsonl"));
        Run(2, "evaluate", "--input", badRecords, "--as-of", "2022-06-30");
        var explained = Run(0, "explain", "--input", records, "--household", SeededResidentIds.For(1, 3), "--as-of", "2022-06-30");
        Assert.Contains(SeededResidentIds.Masked(SeededResidentIds.For(1, 3)), explained.Stdout, StringComparison.Ordinal);
        Run(1, "explain", "--input", records, "--household", SeededResidentIds.For(1, 998), "--as-of", "2022-06-30");
        Run(0, "rules", "--as-of", "2022-06-30");
        Run(0, "users", "add", "--user", "masking-check", "--role", "village", "--area", "610728001001", "--display-name", SeededResidentIds.For(1, 0));
        Assert.Contains(SeededResidentIds.Masked(SeededResidentIds.For(1, 0)), Run(0, "users", "list").Stdout, StringComparison.Ordinal);

        foreach (var file in _files)
        {
            ResidentIdScanner.AssertNoneInFile(file);
        }

        // Every verb the program offers was run here (a verb added later must be added to this test).
        var help = CliProcess.Run("--help").Stdout;
        var verbs = help[help.IndexOf("Commands:", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1).Select(l => l.Split(' ')[0]).Where(v => v.Length > 0).ToList();
        Assert.NotEmpty(verbs);
        Assert.DoesNotContain(verbs, v => !_verbsRun.Contains(v) && !NotCovered.Contains(v));

        void Case(string verb, string date, params string[] extra) =>
            Run(0, ["case", verb, "--household", caseId, "--date", date, "--as-of", date, "--by", actor, .. extra]);
    }

    private string Out(string name)
    {
        var path = Path.Combine(_dir, name);
        _files.Add(path);
        return path;
    }

    /// <summary>Runs a verb against the test database, checks its exit code (null: any) and scans both outputs.</summary>
    private (int ExitCode, string Stdout, string Stderr) Run(int? expectedExit, params string[] args)
    {
        var readsStore = !FileVerbs.Contains(args[0]) || (args[0] == "explain" && !args.Contains("--input"));
        var result = CliProcess.Run(readsStore ? [.. args, "--connection", _db.ConnectionString] : args);
        _verbsRun.Add(args[0]);
        var command = string.Join(' ', args);
        if (expectedExit is int exit)
        {
            Assert.True(result.ExitCode == exit, $"{command}: exit {result.ExitCode}, expected {exit}\n{result.Stderr}");
        }

        ResidentIdScanner.AssertNoneIn($"{command} (stdout)", result.Stdout);
        ResidentIdScanner.AssertNoneIn($"{command} (stderr)", result.Stderr);
        return result;
    }
}
