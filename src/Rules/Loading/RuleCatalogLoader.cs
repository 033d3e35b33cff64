using System.Text.Json;
using Monitoring.Rules.Calendars;
using Monitoring.Rules.Cases;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Expressions;
using Monitoring.Rules.Parameters;
using Monitoring.Rules.Profiles;
using RulesEngine.Exceptions;
using RulesEngine.Models;
using RulesEngineEngine = RulesEngine.RulesEngine;

namespace Monitoring.Rules.Loading;

/// <summary>
/// Loads and validates the whole <c>rules/</c> directory. Any problem is a <see cref="RuleLoadException"/>
/// naming the file and the rule, parameter or profile, so a broken rule file stops the program at start-up.
/// </summary>
public static class RuleCatalogLoader
{
    private static readonly JsonSerializerOptions WorkflowJson = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The file of the case commands' checks, under the rules directory.</summary>
    public const string CaseChecksFile = "case-checks.yaml";

    /// <summary>Loads everything under <paramref name="directory"/>, the case checks included (start-up).</summary>
    public static RuleCatalog Load(string directory) => Load(directory, withCaseChecks: true);

    /// <summary>
    /// Loads a stored rule set (the folders a run reads: calendars, parameters, profiles, workflows). The case checks are
    /// not part of it — a run never reads them — so the catalogue has none, and the catalogue rules the case commands
    /// enforce are not required (an older rule set may predate some).
    /// </summary>
    public static RuleCatalog LoadStored(string directory) => Load(directory, withCaseChecks: false);

    private static RuleCatalog Load(string directory, bool withCaseChecks)
    {
        if (!Directory.Exists(directory))
        {
            throw new RuleLoadException(directory, null, "规则目录不存在");
        }

        var definitions = LoadDefinitions(directory);
        var (national, regions) = LoadParameterLayers(directory, definitions);
        var calendar = LoadCalendar(directory);
        var (workflows, rules) = LoadWorkflows(directory, definitions);
        var profiles = LoadProfiles(directory, rules, definitions);
        var caseChecks = withCaseChecks ? LoadCaseChecks(directory, rules, profiles) : [];
        var engine = new RulesEngineEngine([.. workflows.Select(w => w.Workflow)], RuleInputs.Settings());
        return new RuleCatalog(directory, rules, profiles, definitions, regions, national, calendar, engine) { CaseChecks = caseChecks };
    }

    /// <summary>Finds the rules directory: an explicit path, else MONITORING_RULES, else <c>rules/</c> next to the program or above the working directory.</summary>
    public static string Locate(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        if (Environment.GetEnvironmentVariable("MONITORING_RULES") is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "rules");
                if (Directory.Exists(Path.Combine(candidate, "workflows")))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "rules");
    }

    private static string Display(string directory, string path) => Path.Combine("rules", Path.GetRelativePath(directory, path)).Replace('\\', '/');

    private static Dictionary<string, ParameterDefinition> LoadDefinitions(string directory)
    {
        var path = Path.Combine(directory, "parameters", "definitions.yaml");
        if (!File.Exists(path))
        {
            throw new RuleLoadException(Display(directory, path), null, "缺少参数定义文件");
        }

        var document = YamlFiles.Read<ParameterDefinitionsDocument>(path, Display(directory, path));
        var result = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (var (name, definition) in document.Parameters)
        {
            definition.Name = name;
            if (definition.Type is not ("money" or "ratio" or "int" or "days" or "months" or "text"))
            {
                throw new RuleLoadException(Display(directory, path), name, $"未知的参数类型 '{definition.Type}'");
            }

            if (definition.IndexedBy is not ("asOf" or "year"))
            {
                throw new RuleLoadException(Display(directory, path), name, $"indexedBy 应为 asOf 或 year，而不是 '{definition.IndexedBy}'");
            }

            result[name] = definition;
        }

        return result;
    }

    private static (ParameterLayer National, List<ParameterLayer> Regions) LoadParameterLayers(string directory, Dictionary<string, ParameterDefinition> definitions)
    {
        var root = Path.Combine(directory, "parameters");
        var nationalValues = new Dictionary<string, List<DatedParameterValue>>(StringComparer.Ordinal);
        var nationalFiles = new List<string>();
        var regional = new Dictionary<string, (string File, string Name, Dictionary<string, List<DatedParameterValue>> Values)>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path) == "definitions.yaml")
            {
                continue;
            }

            var display = Display(directory, path);
            var document = YamlFiles.Read<RegionParameterDocument>(path, display);
            if (string.IsNullOrWhiteSpace(document.Region))
            {
                throw new RuleLoadException(display, null, "缺少 region（CN 或行政区划代码前缀）");
            }

            foreach (var (name, values) in document.Values)
            {
                ValidateValues(display, name, values, definitions);
            }

            var target = document.Region == "CN" ? nationalValues : null;
            if (target is null)
            {
                if (!document.Region.All(char.IsAsciiDigit))
                {
                    throw new RuleLoadException(display, null, $"region 应为 CN 或行政区划代码前缀（如 21、420303），而不是 '{document.Region}'");
                }

                if (!regional.TryGetValue(document.Region, out var existing))
                {
                    existing = (display, document.RegionNameZh, new Dictionary<string, List<DatedParameterValue>>(StringComparer.Ordinal));
                    regional[document.Region] = existing;
                }

                target = existing.Values;
            }
            else
            {
                nationalFiles.Add(display);
            }

            foreach (var (name, values) in document.Values)
            {
                if (!target.TryGetValue(name, out var list))
                {
                    list = [];
                    target[name] = list;
                }

                foreach (var value in values)
                {
                    if (list.Any(v => v.From == value.From))
                    {
                        throw new RuleLoadException(display, name, $"{value.From:yyyy-MM-dd} 起的取值重复定义");
                    }

                    list.Add(value);
                }
            }
        }

        foreach (var name in definitions.Keys)
        {
            if (!nationalValues.ContainsKey(name))
            {
                throw new RuleLoadException("rules/parameters", name, "参数没有全国基线取值（region: CN）");
            }
        }

        var national = new ParameterLayer("CN", string.Join(", ", nationalFiles), null, "全国", Sort(nationalValues));
        var regions = regional.Select(kv => new ParameterLayer(kv.Key, kv.Value.File, kv.Key, kv.Value.Name, Sort(kv.Value.Values))).ToList();
        return (national, regions);
    }

    private static Dictionary<string, IReadOnlyList<DatedParameterValue>> Sort(Dictionary<string, List<DatedParameterValue>> values) =>
        values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<DatedParameterValue>)[.. kv.Value.OrderBy(v => v.From)], StringComparer.Ordinal);

    private static void ValidateValues(string file, string name, List<DatedParameterValue> values, Dictionary<string, ParameterDefinition> definitions)
    {
        if (!definitions.TryGetValue(name, out var definition))
        {
            throw new RuleLoadException(file, name, "未知参数（rules/parameters/definitions.yaml 中未定义）");
        }

        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value.Reference))
            {
                throw new RuleLoadException(file, name, $"{value.From:yyyy-MM-dd} 起的取值缺少 reference（出处）");
            }

            if (!definition.IsText)
            {
                if (!decimal.TryParse(value.Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    throw new RuleLoadException(file, name, $"取值 '{value.Value}' 不是数字");
                }

                if (definition.Type == "ratio" && (number < 0 || number > 1))
                {
                    throw new RuleLoadException(file, name, $"比例取值 '{value.Value}' 应在 0 到 1 之间");
                }
            }

            if (definition.IsText && name.EndsWith("Order", StringComparison.Ordinal))
            {
                var unknown = RuleFunctions.ParseOrder(value.Value).SelectMany(s => s)
                    .FirstOrDefault(s => !StepNames.InclusionSteps.Contains(s) && !StepNames.ReleaseSteps.Contains(s));
                if (unknown is not null)
                {
                    throw new RuleLoadException(file, name, $"步骤顺序中有未知步骤 '{unknown}'");
                }
            }

            try
            {
                _ = name switch
                {
                    "screeningWindows" => RuleFunctions.ParseWindows(value.Value).Count,
                    "riskMeasureMap" => RuleFunctions.ParseMeasureMap(value.Value).Keys.FirstOrDefault(k => !Catalog.MeasureCategories.Kinds.Contains(k)) is { } unknownCategory
                        ? throw new FormatException($"未知的风险类别 '{unknownCategory}'")
                        : 0,
                    "gapClearBy" => value.Value is "year-end" or "next-month-end" ? 0 : throw new FormatException($"'{value.Value}' 应为 year-end 或 next-month-end"),
                    "repairBy" => RuleFunctions.MonthDay(value.Value) is null ? throw new FormatException($"'{value.Value}' 应写作 MM-DD（如 10-31）") : 0,
                    _ => 0,
                };
            }
            catch (FormatException ex)
            {
                throw new RuleLoadException(file, name, ex.Message);
            }
        }
    }

    private static WorkingDayCalendar LoadCalendar(string directory)
    {
        var root = Path.Combine(directory, "calendars", "cn");
        var holidays = new List<DateOnly>();
        var working = new List<DateOnly>();
        var notices = new Dictionary<int, string>();
        if (!Directory.Exists(root))
        {
            throw new RuleLoadException("rules/calendars/cn", null, "缺少节假日日历目录");
        }

        foreach (var path in Directory.EnumerateFiles(root, "*.yaml").Order(StringComparer.Ordinal))
        {
            var display = Display(directory, path);
            var document = YamlFiles.Read<CalendarYearDocument>(path, display);
            if (Path.GetFileNameWithoutExtension(path) != document.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new RuleLoadException(display, null, $"文件名与 year: {document.Year} 不一致");
            }

            if (string.IsNullOrWhiteSpace(document.Notice))
            {
                throw new RuleLoadException(display, null, "缺少 notice（国务院办公厅通知文号）");
            }

            foreach (var holiday in document.Holidays)
            {
                if (holiday.To < holiday.From || holiday.To.DayNumber - holiday.From.DayNumber > 15)
                {
                    throw new RuleLoadException(display, holiday.Name, $"假期 {holiday.From:yyyy-MM-dd}～{holiday.To:yyyy-MM-dd} 不合理");
                }

                for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
                {
                    holidays.Add(d);
                }
            }

            foreach (var day in document.AdjustedWorkingDays)
            {
                if (day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    throw new RuleLoadException(display, day.For, $"调休上班日 {day.Date:yyyy-MM-dd} 不是周末");
                }

                working.Add(day.Date);
            }

            notices[document.Year] = document.Notice;
        }

        var clash = holidays.Intersect(working).FirstOrDefault();
        if (clash != default)
        {
            throw new RuleLoadException("rules/calendars/cn", null, $"{clash:yyyy-MM-dd} 既是假日又是调休上班日");
        }

        return new WorkingDayCalendar(holidays, working, notices);
    }

    private static (List<(string File, Workflow Workflow)> Workflows, List<RuleDefinition> Rules) LoadWorkflows(string directory, Dictionary<string, ParameterDefinition> definitions)
    {
        var compiler = new WorkflowRuleCompiler(definitions);
        var workflows = new List<(string, Workflow)>();
        var rules = new List<RuleDefinition>();
        var root = Path.Combine(directory, "workflows");
        if (!Directory.Exists(root))
        {
            throw new RuleLoadException("rules/workflows", null, "缺少规则工作流目录");
        }

        foreach (var path in Directory.EnumerateFiles(root, "*.json").Order(StringComparer.Ordinal))
        {
            var display = Display(directory, path);
            JsonDocument document;
            Workflow workflow;
            try
            {
                var text = File.ReadAllText(path);
                document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                workflow = JsonSerializer.Deserialize<Workflow>(text, WorkflowJson) ?? throw new RuleLoadException(display, null, "空文件");
            }
            catch (JsonException ex)
            {
                throw new RuleLoadException(display, ex.LineNumber is long line ? $"第 {line + 1} 行" : null, $"JSON 格式错误: {ex.Message}");
            }

            using (document)
            {
                try
                {
                    _ = new RulesEngineEngine([workflow], RuleInputs.Settings());
                }
                catch (RuleValidationException ex)
                {
                    throw new RuleLoadException(display, workflow.WorkflowName, $"RulesEngine 工作流校验失败: {ex.Message}");
                }

                var rulesJson = document.RootElement.EnumerateObject()
                    .FirstOrDefault(p => p.NameEquals("Rules") || p.NameEquals("rules")).Value;
                var jsonByName = rulesJson.ValueKind == JsonValueKind.Array
                    ? rulesJson.EnumerateArray().ToDictionary(e => e.GetProperty("RuleName").GetString() ?? "", e => e.Clone())
                    : [];
                foreach (var rule in workflow.Rules ?? [])
                {
                    if (!rule.Enabled)
                    {
                        continue;
                    }

                    if (rules.FirstOrDefault(r => r.Id == rule.RuleName) is { } duplicate)
                    {
                        throw new RuleLoadException(display, rule.RuleName, $"规则编号重复（已在 {duplicate.File} 中定义）");
                    }

                    rules.Add(compiler.Compile(rule, jsonByName[rule.RuleName], display, workflow.WorkflowName));
                }
            }

            workflows.Add((display, workflow));
        }

        if (rules.Count == 0)
        {
            throw new RuleLoadException("rules/workflows", null, "没有任何规则");
        }

        return (workflows, rules);
    }

    private static Dictionary<string, RegionProfile> LoadProfiles(string directory, List<RuleDefinition> rules, Dictionary<string, ParameterDefinition> definitions)
    {
        var documents = new Dictionary<string, (string File, RegionProfileDocument Document)>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(directory, "profiles"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var display = Display(directory, path);
            var document = YamlFiles.Read<RegionProfileDocument>(path, display);
            if (document.Id != Path.GetFileNameWithoutExtension(path))
            {
                throw new RuleLoadException(display, document.Id, "profile id 应与文件名一致");
            }

            foreach (var ruleId in document.DisabledRules)
            {
                if (!rules.Any(r => r.Id == ruleId))
                {
                    throw new RuleLoadException(display, ruleId, "地区配置引用了不存在的规则");
                }
            }

            foreach (var (name, values) in document.Parameters)
            {
                ValidateValues(display, name, values, definitions);
            }

            var own = rules.Where(r => r.Profiles.Contains(document.Id)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var ruleId in document.Rules)
            {
                if (!own.Remove(ruleId))
                {
                    throw new RuleLoadException(display, ruleId, "地区配置 rules 列出的规则不存在，或该规则的 profiles 未限定于本配置");
                }
            }

            if (own.Count > 0)
            {
                throw new RuleLoadException(display, own.Order(StringComparer.Ordinal).First(), "该规则限定于本配置（profiles），但未列入本配置的 rules");
            }

            documents[document.Id] = (display, document);
        }

        if (!documents.ContainsKey(RuleCatalog.NationalProfile))
        {
            throw new RuleLoadException("rules/profiles", RuleCatalog.NationalProfile, "缺少全国基线配置");
        }

        foreach (var rule in rules)
        {
            foreach (var profileId in rule.Profiles)
            {
                if (!documents.ContainsKey(profileId))
                {
                    throw new RuleLoadException(rule.File, rule.Id, $"规则限定的地区配置 '{profileId}' 不存在");
                }
            }
        }

        var result = new Dictionary<string, RegionProfile>(StringComparer.Ordinal);
        foreach (var (id, (file, document)) in documents)
        {
            var chain = new List<RegionProfileDocument> { document };
            var current = document;
            while (current.Id != RuleCatalog.NationalProfile)
            {
                if (string.IsNullOrWhiteSpace(current.Extends) || !documents.TryGetValue(current.Extends, out var parent))
                {
                    throw new RuleLoadException(file, id, $"extends 指向不存在的地区配置 '{current.Extends}'");
                }

                if (chain.Any(p => p.Id == parent.Document.Id))
                {
                    throw new RuleLoadException(file, id, "地区配置的 extends 形成循环");
                }

                chain.Add(parent.Document);
                current = parent.Document;
            }

            result[id] = new RegionProfile(document, file, chain);
        }

        return result;
    }

    /// <summary>
    /// <c>rules/case-checks.yaml</c>: every id of <see cref="CaseRuleIds.Checks"/> exactly once, no other, each with a
    /// source clause and a Chinese title; and every catalogue rule the case commands refuse with is defined and in force
    /// in every profile (a refusal reads its clause and title from the rule set).
    /// </summary>
    private static Dictionary<string, CaseCheck> LoadCaseChecks(string directory, List<RuleDefinition> rules, Dictionary<string, RegionProfile> profiles)
    {
        var path = Path.Combine(directory, CaseChecksFile);
        var display = Display(directory, path);
        if (!File.Exists(path))
        {
            throw new RuleLoadException(display, null, "缺少案件登记检查文件");
        }

        var document = YamlFiles.Read<CaseChecksDocument>(path, display);
        var result = new Dictionary<string, CaseCheck>(StringComparer.Ordinal);
        foreach (var check in document.Checks)
        {
            if (string.IsNullOrWhiteSpace(check.Id))
            {
                throw new RuleLoadException(display, null, $"第 {result.Count + 1} 项检查缺少 id");
            }

            if (!CaseRuleIds.Checks.Contains(check.Id))
            {
                throw new RuleLoadException(display, check.Id, $"未知的案件登记检查编号（程序使用的编号：{string.Join("、", CaseRuleIds.Checks)}）");
            }

            if (!result.TryAdd(check.Id, check))
            {
                throw new RuleLoadException(display, check.Id, "案件登记检查编号重复定义");
            }

            if (string.IsNullOrWhiteSpace(check.Source))
            {
                throw new RuleLoadException(display, check.Id, "缺少 source（出处条款）");
            }

            if (string.IsNullOrWhiteSpace(check.TitleZh))
            {
                throw new RuleLoadException(display, check.Id, "缺少 titleZh（中文标题）");
            }
        }

        if (CaseRuleIds.Checks.FirstOrDefault(id => !result.ContainsKey(id)) is { } missing)
        {
            throw new RuleLoadException(display, missing, "缺少案件登记检查（案件命令按此编号拒绝登记）");
        }

        foreach (var id in CaseRuleIds.CatalogueRules)
        {
            if (rules.FirstOrDefault(r => r.Id == id) is not { } rule)
            {
                throw new RuleLoadException("rules/workflows", id, "案件命令按此规则拒绝登记，规则目录中却没有这条规则");
            }

            if (profiles.Values.FirstOrDefault(p => p.DisabledRules.Contains(id) || (rule.Profiles.Count > 0 && !rule.Profiles.Any(p.IsOrDescendsFrom))) is { } without)
            {
                throw new RuleLoadException(without.File, id, "案件命令按此规则拒绝登记，地区配置不能停用它");
            }
        }

        return result;
    }
}
