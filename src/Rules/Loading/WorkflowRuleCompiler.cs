using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Expressions;
using Monitoring.Rules.Parameters;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Monitoring.Rules.Loading;

/// <summary>
/// Turns one RulesEngine workflow rule (with our metadata in its <c>Properties</c>) into a
/// <see cref="RuleDefinition"/>: checks the metadata, the parameters it names and the template, and compiles
/// every condition and value with RulesEngine's own expression parser.
/// </summary>
public sealed partial class WorkflowRuleCompiler
{
    private static readonly string[] Severities = ["risk", "notice", "process"];
    private static readonly string[] Scopes = ["household", "member", "helperGroup", "area"];

    private readonly RuleExpressionParser _parser = new(RuleInputs.Settings());
    private readonly Lock _compileLock = new();
    private readonly RuleParameter[] _parameters = RuleInputs.AsRuleParameters();
    private readonly IReadOnlyDictionary<string, ParameterDefinition> _definitions;

    public WorkflowRuleCompiler(IReadOnlyDictionary<string, ParameterDefinition> definitions) => _definitions = definitions;

    /// <summary>
    /// A risk rule's category for PROC-MEASURE-MISMATCH: a risk kind, or <c>expenses:kind=category,…</c> / <c>events:kind=category,…</c>
    /// (the category of the expenses or events the rule counted).
    /// </summary>
    private static string? MeasureCategoryOf(PropertyReader props, string severity, string file, string id)
    {
        var value = props.Optional("measureCategory");
        if (value is null)
        {
            return severity == "risk" ? throw new RuleLoadException(file, id, "风险规则缺少 measureCategory（对应的风险类别，供 PROC-MEASURE-MISMATCH 使用）") : null;
        }

        if (MeasureCategories.Parse(value) is null)
        {
            throw new RuleLoadException(file, id, $"measureCategory '{value}' 应为风险类别（{string.Join("、", MeasureCategories.Kinds)}），或 expenses:类别=风险类别,… / events:类别=风险类别,…");
        }

        return value;
    }

    public RuleDefinition Compile(Rule rule, JsonElement json, string file, string workflowName)
    {
        var id = rule.RuleName;
        if (string.IsNullOrWhiteSpace(id) || !RuleIdPattern().IsMatch(id))
        {
            throw new RuleLoadException(file, id, "规则编号应为大写字母、数字和连字符，如 INC-BELOW-LINE");
        }

        var props = new PropertyReader(rule.Properties, file, id);
        var severity = props.Required("severity");
        if (!Severities.Contains(severity))
        {
            throw new RuleLoadException(file, id, $"severity 应为 risk、notice 或 process，而不是 '{severity}'");
        }

        var scope = props.Optional("scope") ?? "household";
        if (!Scopes.Contains(scope))
        {
            throw new RuleLoadException(file, id, $"scope 应为 household、member、helperGroup 或 area，而不是 '{scope}'");
        }

        var source = props.Optional("source");
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new RuleLoadException(file, id, "缺少 source（法规或文件出处）：每条规则必须注明所依据的文件和条款");
        }

        var declaredParameters = props.StringList("parameters");
        foreach (var name in declaredParameters)
        {
            if (!_definitions.ContainsKey(name))
            {
                throw new RuleLoadException(file, id, $"未知参数 '{name}'（rules/parameters/definitions.yaml 中未定义）");
            }
        }

        var root = CompileNode(rule, file, id, isRoot: true);
        var ruleValues = CompileValues(props.Map("values"), file, id, id);
        var allExpressions = root.DescendantsAndSelf().Select(n => n.Expression)
            .Concat(root.DescendantsAndSelf().SelectMany(n => n.Values).Select(v => v.Expression))
            .Concat(ruleValues.Select(v => v.Expression))
            .OfType<string>();
        CheckParameterUse(allExpressions, declaredParameters, file, id);

        var definition = new RuleDefinition
        {
            Id = id,
            TitleZh = props.Required("titleZh"),
            TitleEn = props.Required("titleEn"),
            Category = props.Required("category"),
            Severity = severity,
            Source = source,
            EffectiveFrom = props.Date("effectiveFrom") ?? throw new RuleLoadException(file, id, "缺少 effectiveFrom（生效日期）"),
            EffectiveTo = props.Date("effectiveTo"),
            Scope = scope,
            ParameterNames = declaredParameters,
            CandidateType = props.Optional("candidateType"),
            ExplanationZh = props.Required("explanationZh"),
            Interpretation = props.Optional("interpretation"),
            Profiles = props.StringList("profiles"),
            Population = props.Required("population"),
            StoredRules = props.StringList("storedRules"),
            Mode = props.Optional("mode") is { } mode ? (mode == "stored" ? mode : throw new RuleLoadException(file, id, $"mode 只能为 stored，而不是 '{mode}'")) : null,
            MeasureCategory = MeasureCategoryOf(props, severity, file, id),
            Root = root,
            Values = ruleValues,
            DefinitionHash = Hash(json),
            File = file,
            WorkflowName = workflowName,
        };
        CheckTemplate(definition, file);
        return definition;
    }

    private RuleNode CompileNode(Rule rule, string file, string ruleId, bool isRoot)
    {
        var name = rule.RuleName ?? "";
        var props = new PropertyReader(rule.Properties, file, ruleId);
        var label = props.Optional("labelZh");
        var values = isRoot ? [] : CompileValues(props.Map("values"), file, ruleId, name);
        var children = rule.Rules?.ToList() ?? [];
        if (children.Count > 0)
        {
            var op = rule.Operator switch
            {
                "And" or "AndAlso" => "And",
                "Or" or "OrElse" => "Or",
                _ => throw new RuleLoadException(file, ruleId, $"条件 '{name}' 有嵌套条件，Operator 应为 And 或 Or"),
            };
            var compiled = children.Select(c => CompileNode(c, file, ruleId, isRoot: false)).ToList();
            return new RuleNode(name, label, op, null, null, compiled, values);
        }

        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            throw new RuleLoadException(file, ruleId, $"条件 '{name}' 既没有 Expression 也没有嵌套条件");
        }

        ThreadCompiled<Func<object[], bool>> predicate;
        try
        {
            var expression = rule.Expression;
            predicate = new ThreadCompiled<Func<object[], bool>>(_parser.Compile<bool>(expression, _parameters), () => CompileLocked<bool>(expression));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new RuleLoadException(file, ruleId, $"条件 '{name}' 的表达式无法编译: {ex.Message}（表达式: {rule.Expression}）");
        }

        return new RuleNode(name, label, null, rule.Expression, predicate, [], values);
    }

    /// <summary>Compiles an expression again for another thread (the parser is shared, so one compilation at a time).</summary>
    private Func<object[], TResult> CompileLocked<TResult>(string expression)
    {
        lock (_compileLock)
        {
            return _parser.Compile<TResult>(expression, _parameters);
        }
    }

    private List<ValueDefinition> CompileValues(IReadOnlyDictionary<string, string> values, string file, string ruleId, string owner)
    {
        var result = new List<ValueDefinition>();
        foreach (var (name, expression) in values)
        {
            try
            {
                result.Add(new ValueDefinition(name, expression,
                    new ThreadCompiled<Func<object[], object?>>(_parser.Compile<object>(expression, _parameters), () => CompileLocked<object>(expression))));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new RuleLoadException(file, ruleId, $"'{owner}' 的取值 '{name}' 无法编译: {ex.Message}（表达式: {expression}）");
            }
        }

        return result;
    }

    private void CheckParameterUse(IEnumerable<string> expressions, IReadOnlyList<string> declared, string file, string ruleId)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var expression in expressions)
        {
            foreach (Match match in ParameterUsePattern().Matches(expression))
            {
                used.Add(match.Groups[1].Value);
            }
        }

        foreach (var name in used)
        {
            if (!_definitions.ContainsKey(name))
            {
                throw new RuleLoadException(file, ruleId, $"表达式读取了未知参数 '{name}'（rules/parameters/definitions.yaml 中未定义）");
            }

            if (!declared.Contains(name))
            {
                throw new RuleLoadException(file, ruleId, $"表达式读取了参数 '{name}'，但 parameters 中未声明");
            }
        }

        foreach (var name in declared)
        {
            if (!used.Contains(name))
            {
                throw new RuleLoadException(file, ruleId, $"parameters 声明了 '{name}'，但没有表达式读取它");
            }
        }
    }

    private static void CheckTemplate(RuleDefinition definition, string file)
    {
        var known = definition.AllValues().Select(v => v.Name).Concat(definition.ParameterNames).Append("memberId").ToHashSet(StringComparer.Ordinal);
        foreach (Match match in TemplatePlaceholderPattern().Matches(definition.ExplanationZh))
        {
            if (!known.Contains(match.Groups[1].Value))
            {
                throw new RuleLoadException(file, definition.Id, $"explanationZh 引用了未定义的取值或参数 '{{{match.Groups[1].Value}}}'");
            }
        }
    }

    private static string Hash(JsonElement json)
    {
        var canonical = JsonSerializer.Serialize(json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    [GeneratedRegex("^[A-Z]+(-[A-Z0-9]+)+$")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex("""\bp\.(?:Dec|Int|Text|ForYear)\(\s*"([^"]+)"\s*""")]
    private static partial Regex ParameterUsePattern();

    [GeneratedRegex(@"\{(\w+)(?::(\w+))?\}")]
    internal static partial Regex TemplatePlaceholderPattern();

    private sealed class PropertyReader
    {
        private readonly Dictionary<string, object>? _properties;
        private readonly string _file;
        private readonly string _ruleId;

        public PropertyReader(Dictionary<string, object>? properties, string file, string ruleId)
        {
            _properties = properties;
            _file = file;
            _ruleId = ruleId;
        }

        public string Required(string key) =>
            Optional(key) is { Length: > 0 } value ? value : throw new RuleLoadException(_file, _ruleId, $"Properties 缺少 {key}");

        public string? Optional(string key)
        {
            if (_properties is null || !_properties.TryGetValue(key, out var raw) || raw is null)
            {
                return null;
            }

            return raw switch
            {
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                JsonElement { ValueKind: JsonValueKind.Null } => null,
                JsonElement e => throw new RuleLoadException(_file, _ruleId, $"Properties.{key} 应为字符串，而不是 {e.ValueKind}"),
                _ => Convert.ToString(raw, CultureInfo.InvariantCulture),
            };
        }

        public DateOnly? Date(string key)
        {
            var text = Optional(key);
            if (text is null)
            {
                return null;
            }

            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new RuleLoadException(_file, _ruleId, $"Properties.{key} 不是 YYYY-MM-DD 日期: '{text}'");
        }

        public IReadOnlyList<string> StringList(string key)
        {
            if (_properties is null || !_properties.TryGetValue(key, out var raw) || raw is not JsonElement element || element.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                throw new RuleLoadException(_file, _ruleId, $"Properties.{key} 应为字符串数组");
            }

            return [.. element.EnumerateArray().Select(e => e.GetString()!)];
        }

        public Dictionary<string, string> Map(string key)
        {
            if (_properties is null || !_properties.TryGetValue(key, out var raw) || raw is not JsonElement element || element.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (element.ValueKind != JsonValueKind.Object || element.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
            {
                throw new RuleLoadException(_file, _ruleId, $"Properties.{key} 应为 名称 → 表达式 的对象");
            }

            return element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        }
    }
}
