using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Rules.Loading;
using Monitoring.Store.Exporting;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Replay;
using Monitoring.Store.RuleSets;
using Monitoring.Store.Runs;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Store;

/// <summary>
/// A stored night replays exactly after the rule files change: the run stored its rule set, the household version, the
/// helper group's counts and the risk nights, so PROC-HELPER-LOAD and the stored mode of PROC-CANDIDATE-NO-CASE come back.
/// </summary>
public sealed class ReplayTests : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly DateOnly Imported = new(2022, 6, 1);
    private static readonly string[] Ids = ["610728-8001", "610728-8002", "610728-8003"];
    private readonly PostgresFixture _db;
    private readonly DirectoryInfo _rules;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 28, 18, 30, 0, TimeSpan.Zero));

    public ReplayTests(PostgresFixture db)
    {
        _db = db.Migrated();
        _rules = Directory.CreateTempSubdirectory("monitoring-replay-rules-");
        CopyDirectory(TestPaths.Rules, _rules.FullName);
    }

    public void Dispose() => _rules.Delete(recursive: true);

    [Fact]
    public void A_night_replays_byte_for_byte_after_the_rule_files_change()
    {
        // Two nights of grace and at most two lifted households per helper, so both store-only rules fire by night 2.
        SetParameter("candidateGraceDays", 2);
        SetParameter("maxLiftedPerHelper", 2);
        var lines = Ids.Select(id =>
        {
            var household = SampleHousehold.Create(id);
            if (id == Ids[0])
            {
                household["incomes"]![0]!["wage"] = 3000; // below the line: a candidate without a case
            }

            return SampleHousehold.Line(household);
        });
        Assert.True(new HouseholdImporter(_db.DataSource).ImportJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), Imported,
            p => Assert.Fail(p.ToString())).Committed);

        var before = RuleCatalogLoader.Load(_rules.FullName).ForProfile("cn-national");
        var night1 = new NightlyRunner(_db.DataSource, before, _clock).Run(new DateOnly(2022, 6, 28));
        var night2 = new NightlyRunner(_db.DataSource, before, _clock).Run(new DateOnly(2022, 6, 29));
        var night3 = new NightlyRunner(_db.DataSource, before, _clock).Run(new DateOnly(2022, 6, 30));
        Assert.Equal(RunPlan.Incremental, night3.Plan.Mode);
        Assert.Equal(night1.RuleSetHash, night3.RuleSetHash);
        var exporter = new FindingsExporter(_db.DataSource);
        var stored2 = exporter.Findings(night2.RunId, null, Ids[0]).ToList();
        Assert.Contains(stored2, f => f.Contains("\"ruleId\":\"PROC-CANDIDATE-NO-CASE\"", StringComparison.Ordinal) && f.Contains("\"mode\":\"stored\"", StringComparison.Ordinal));
        Assert.Contains(stored2, f => f.Contains("\"ruleId\":\"PROC-HELPER-LOAD\"", StringComparison.Ordinal));

        // The rules change: other parameters and another workflow text; a night under them fires neither rule.
        SetParameter("candidateGraceDays", 30);
        SetParameter("maxLiftedPerHelper", 20);
        var workflow = Path.Combine(_rules.FullName, "workflows", "30-procedure.json");
        File.WriteAllText(workflow, File.ReadAllText(workflow).Replace("超过规定", "超过规定（已修订）", StringComparison.Ordinal));
        var after = RuleCatalogLoader.Load(_rules.FullName).ForProfile("cn-national");
        var night4 = new NightlyRunner(_db.DataSource, after, _clock).Run(new DateOnly(2022, 6, 30));
        Assert.NotEqual(night3.RuleSetHash, night4.RuleSetHash);
        Assert.DoesNotContain(exporter.Findings(night4.RunId, null, Ids[0]), f => f.Contains("PROC-HELPER-LOAD", StringComparison.Ordinal) || f.Contains("PROC-CANDIDATE-NO-CASE", StringComparison.Ordinal));

        var archive = new RuleSetArchive(_db.DataSource, _clock);
        var runs = new RunQueries(_db.DataSource, exporter);
        var replay = new ReplayService(_db.DataSource, archive, runs, exporter);
        foreach (var (run, household) in new[] { (night2, Ids[0]), (night2, Ids[1]), (night3, Ids[0]), (night1, Ids[2]), (night4, Ids[0]) })
        {
            var result = replay.Replay(run.RunId, household);
            Assert.True(result.Reproduced, $"run {run.RunId} household {household}");
            Assert.Equal(exporter.Findings(run.RunId, null, household).ToList(), result.ReplayedFindings);
        }

        var replayed = replay.Replay(night2.RunId, Ids[0]);
        Assert.Equal(stored2, replayed.ReplayedFindings);
        Assert.True(Assert.Single(replayed.Rules, r => r.RuleId == "PROC-HELPER-LOAD").Fired);
        var candidate = Assert.Single(replayed.Rules, r => r.RuleId == "PROC-CANDIDATE-NO-CASE");
        Assert.True(candidate.Fired);
        Assert.Contains(candidate.Conditions, c => c.Name == "storedMode" && c.Held == true);
        Assert.Equal(night1.RunId, replayed.StoredCandidate.RiskSinceRunId);
        Assert.Equal(2, replayed.StoredCandidate.Nights);
        Assert.Equal(3, replayed.HelperGroup!.LiftedCount);
        Assert.Contains(replayed.Rules, r => !r.Fired);

        // The CLI says so, with the stored rule set's version, not the edited files'.
        var cli = CliProcess.Run("explain", "--run", night2.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--household", Ids[0],
            "--connection", _db.ConnectionString);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.Contains($"重放结果与批次 {night2.RunId} 保存的发现逐字节一致", cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("【触发】PROC-HELPER-LOAD", cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("【触发】PROC-CANDIDATE-NO-CASE", cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("【未触发】", cli.Stdout, StringComparison.Ordinal);

        var byNight = CliProcess.Run("explain", "--as-of", "2022-06-30", "--household", Ids[0], "--connection", _db.ConnectionString);
        Assert.True(byNight.ExitCode == 0, byNight.Stderr);
        Assert.Contains($"重放批次 {night4.RunId}：", byNight.Stdout, StringComparison.Ordinal);

        var diff = runs.Diff(night1.RunId, night2.RunId);
        Assert.Contains(diff, d => d.HouseholdId == Ids[0] && d.New.Contains("PROC-CANDIDATE-NO-CASE"));
        var list = CliProcess.Run("runs", "list", "--connection", _db.ConnectionString);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(4, list.Stdout.Split('\n').Count(l => l.Contains("\t已完成\t", StringComparison.Ordinal)));
        var show = CliProcess.Run("runs", "show", night2.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--connection", _db.ConnectionString);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains(night2.RuleSetHash!, show.Stdout, StringComparison.Ordinal);
    }

    private void SetParameter(string name, int value)
    {
        var path = Path.Combine(_rules.FullName, "parameters", "thresholds", "cn.yaml");
        var text = File.ReadAllText(path);
        var changed = Regex.Replace(text, $@"(  {name}:\n    - from: 2021-01-01\n      value: )\d+", m => m.Groups[1].Value + value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(text, changed);
        File.WriteAllText(path, changed);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
