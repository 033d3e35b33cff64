using System.CommandLine;
using System.Text;
using Monitoring.Worker.Commands;

Console.OutputEncoding = new UTF8Encoding(false);
var root = new RootCommand("防返贫动态监测规则引擎 Monitoring：按规则评估农户记录并说明原因")
{
    EvaluateCommand.Create(),
    ExplainCommand.Create(),
    RulesCommand.Create(),
    GenerateCommand.Create(),
    BenchCommand.Create(),
    MigrateCommand.Create(),
    ImportCommand.Create(),
    RunNightlyCommand.Create(),
    ExportFindingsCommand.Create(),
    ServiceCommand.Create(),
    CaseVerbs.Create(),
    DueCommand.Create(),
    NoticeListCommand.Create(),
    DeptCommand.Create(),
};
try
{
    return root.Parse(args).Invoke();
}
finally
{
    Monitoring.Worker.Cli.StoreServices.DisposeProcessHost();
}
