using System.CommandLine;
using Monitoring.Engine.Output;
using Monitoring.Worker.Cli;
using Monitoring.Worker.Commands;

// Every line printed passes the resident-ID mask and has control characters escaped (README, "Masking and safe output").
SafeConsole.Install();

// Temporary folders and files of killed runs (their process is gone) are removed on the next start.
TemporaryFiles.RemoveStaleInTempDirectory();
var root = new RootCommand("防返贫动态监测规则引擎 Monitoring：按规则评估农户记录并说明原因")
{
    EvaluateCommand.Create(),
    ExplainCommand.Create(),
    RulesCommand.Create(),
    GenerateCommand.Create(),
    BenchCommand.Create(),
    BenchWebCommand.Create(),
    MigrateCommand.Create(),
    ImportCommand.Create(),
    RunNightlyCommand.Create(),
    ExportFindingsCommand.Create(),
    RunsCommand.Create(),
    ServiceCommand.Create(),
    CaseVerbs.Create(),
    HistoryCommand.Create(),
    DueCommand.Create(),
    NoticeListCommand.Create(),
    UsersCommand.Create(),
    DeptCommand.Create(),
    LeadsCommand.Create(),
};
try
{
    return root.Parse(args).Invoke();
}
finally
{
    Monitoring.Worker.Cli.StoreServices.DisposeProcessHost();
    SafeConsole.Flush();
}
