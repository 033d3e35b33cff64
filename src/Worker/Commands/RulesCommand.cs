using System.CommandLine;
using System.Globalization;
using Monitoring.Engine.Explaining;
using Monitoring.Worker.Cli;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Commands;

/// <summary><c>rules</c>: the catalogue as loaded for a profile, with the parameters in force on a date.</summary>
public static class RulesCommand
{
    public static Command Create()
    {
        var profile = CommonOptions.Profile();
        var asOf = CommonOptions.AsOf(required: false);
        var county = new Option<string>("--county-code") { Description = "按该县级代码选取地区参数（默认 000000，即全国）", DefaultValueFactory = _ => "000000" };
        var rules = CommonOptions.Rules();
        var command = new Command("rules", "列出已加载的规则目录及在指定日期生效的参数") { profile, asOf, county, rules };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var text = result.GetValue(asOf);
            var date = text is null ? CommonOptions.Today() : CommonOptions.ParseDate(text, "--as-of");
            return Run(result.GetValue(profile)!, date, result.GetValue(county)!, result.GetValue(rules));
        }));
        return command;
    }

    private static int Run(string profileId, DateOnly asOf, string countyCode, string? rulesDirectory)
    {
        var catalog = CommonOptions.LoadCatalog(rulesDirectory);
        var ruleSet = CommonOptions.RuleSet(catalog, profileId);
        var profile = ruleSet.Profile.Document;
        var output = Console.Out;
        output.WriteLine($"地区配置 {profile.Id}：{profile.NameZh}（{profile.NameEn}）");
        output.WriteLine($"依据：{profile.Document}");
        foreach (var change in profile.Changes)
        {
            output.WriteLine($"  - {change}");
        }

        output.WriteLine($"规则目录 {catalog.Directory}，评估日 {asOf:yyyy-MM-dd}，规则集版本 {Monitoring.Engine.Evaluation.RuleVersions.ForRuleSet(ruleSet)}");
        if (ruleSet.Calendar.MissingNextYearWarning(asOf) is { } calendarWarning)
        {
            Console.Error.WriteLine("警告：" + calendarWarning);
        }

        output.WriteLine();
        foreach (var rule in ruleSet.Rules)
        {
            var state = rule.InForceOn(asOf) ? "" : "（评估日不在有效期内）";
            output.WriteLine($"{rule.Id}  {rule.TitleZh} / {rule.TitleEn}{state}");
            output.WriteLine($"  类别 {rule.Category}，级别 {rule.Severity}，范围 {rule.Scope}，生效 {rule.EffectiveFrom:yyyy-MM-dd}{(rule.EffectiveTo is { } to ? $" 至 {to:yyyy-MM-dd}" : "")}，定义哈希 {rule.DefinitionHash[..16]}");
            output.WriteLine($"  出处：{rule.Source}");
            output.WriteLine($"  适用人群：{rule.Population}{(rule.Mode == "stored" ? "（仅存储模式：夜间批处理读取运行历史）" : "")}");
            if (rule.Interpretation is { } interpretation)
            {
                output.WriteLine($"  解读：{interpretation}");
            }

            foreach (var name in rule.ParameterNames)
            {
                var definition = ruleSet.Parameters.Definitions[name];
                try
                {
                    var resolved = ruleSet.Parameters.Resolve(name, countyCode, definition.IsYearIndexed ? new DateOnly(asOf.Year, 12, 31) : asOf, definition.IsYearIndexed ? asOf.Year : null);
                    var value = resolved.Number is decimal number ? ValueFormatter.Format(number, definition.Type == "ratio" ? "pct" : null) : resolved.RawValue;
                    var countySet = resolved.CountySet ? "，县定默认值" : "";
                    var carried = resolved.CarriedForward ? "，沿用往年" : "";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  参数 {name}（{definition.TitleZh}）= {value} {definition.Unit}（{resolved.From:yyyy-MM-dd} 起，{resolved.OriginNameZh}{countySet}{carried}；出处：{resolved.Reference}）"));
                }
                catch (Monitoring.Rules.Parameters.ParameterNotInForceException ex)
                {
                    output.WriteLine($"  参数 {name}：{ex.Message}");
                }
            }
        }

        return ExitCodes.Success;
    }
}
