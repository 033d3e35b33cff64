using System.CommandLine;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Store.Access;
using Monitoring.Store.Cases;
using Monitoring.Worker.Cli;

namespace Monitoring.Worker.Commands;

/// <summary>
/// <c>due</c>: every open obligation of a village or town (or the whole store) due within a window, overdue first, then by
/// deadline. Households have no town column: a town's code is the first 9 digits of the 12-digit village code. A thin
/// caller of <see cref="AreaCaseLists"/>, the due list the pages and the API show.
/// </summary>
public static class DueCommand
{
    public static Command Create()
    {
        var village = new Option<string?>("--village") { Description = "村级代码（12 位）" };
        var town = new Option<string?>("--town") { Description = "乡镇代码（9 位，即村级代码的前 9 位）" };
        var within = new Option<string>("--within") { Description = "列出多少天内到期的事项（已逾期的总是列出），如 7d", DefaultValueFactory = _ => "7d" };
        var asOf = CaseOptions.AsOf();
        var format = new Option<string>("--format") { Description = "text（默认）或 xlsx", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "xlsx");
        var output = new Option<string>("--output") { Description = "输出文件，- 为标准输出（xlsx 须给文件）", DefaultValueFactory = _ => "-" };
        var profile = CaseOptions.Profile();
        var rules = CommonOptions.Rules();
        var connection = CaseOptions.Connection();
        var command = new Command("due", "每日待办：按时限列出纳入、帮扶、走访、回访等到期和已逾期事项（已逾期在前）")
        {
            village, town, within, asOf, format, output, profile, rules, connection,
        };
        command.SetAction(result => CommandRunner.Run(() => Run(result.GetValue(village), result.GetValue(town), CaseOptions.WithinDays(result.GetValue(within)!),
            CaseOptions.Today(result.GetValue(asOf)), result.GetValue(format)!, result.GetValue(output)!,
            CaseOptions.AreaLists(result.GetValue(rules), result.GetValue(connection), result.GetValue(profile)))));
        return command;
    }

    private static int Run(string? village, string? town, int withinDays, DateOnly asOf, string format, string outputPath, AreaCaseLists lists)
    {
        if (village is not null && town is not null)
        {
            throw new UserErrorException("--village 与 --town 只能给出其一");
        }

        if (town is not null && (town.Length != 9 || !town.All(char.IsAsciiDigit)))
        {
            throw new UserErrorException($"--town 应为 9 位乡镇代码（村级代码的前 9 位），而不是 '{town}'");
        }

        if (format == "xlsx" && outputPath == "-")
        {
            throw new UserErrorException("--format xlsx 须用 --output 指定文件");
        }

        var due = lists.DueList(Caller.Operator(Environment.UserName, CaseOptions.Client()), village ?? town, asOf, withinDays);
        var scope = village is not null ? $"村 {village} " : town is not null ? $"乡镇 {town} " : "";
        var title = DueColumns.Title(scope, asOf, withinDays);
        var rows = due.Items.Select(d => DueColumns.Cells(d.Obligation, d.Household, asOf));
        using var target = OutputTarget.Open(outputPath);
        if (format == "xlsx")
        {
            TableXlsxWriter.Write(target.Stream, DueColumns.SheetName, title, DueColumns.Headers, rows, DueColumns.Widths);
        }
        else
        {
            var writer = target.Text();
            writer.WriteLine(title);
            writer.WriteLine(string.Join('\t', DueColumns.Headers));
            foreach (var row in rows)
            {
                writer.WriteLine(string.Join('\t', row));
            }
        }

        target.Commit();

        var overdue = due.Items.Count(d => d.Obligation.Status == ObligationStatus.Overdue);
        Console.Error.WriteLine($"共 {due.Households:N0} 户，待办 {due.Items.Count:N0} 项，其中已逾期 {overdue:N0} 项");
        return ExitCodes.Success;
    }
}
