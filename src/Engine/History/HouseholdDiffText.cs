using System.Text.Json.Nodes;
using Monitoring.Engine.Importing;
using Monitoring.Engine.Output;
using Monitoring.Rules.Codes;

namespace Monitoring.Engine.History;

/// <summary>
/// A <see cref="HouseholdDiff"/> in Chinese, one line per change: fields by the Chinese header of the column that fills
/// them (docs/import-mapping.md), sections by their Chinese name. Resident ID numbers are masked in every value.
/// </summary>
public static class HouseholdDiffText
{
    private static readonly Dictionary<string, string> SectionNames = new(StringComparer.Ordinal)
    {
        ["incomes"] = "收入周期",
        ["members"] = "成员",
        ["visits"] = "走访",
        ["events"] = "事件",
        ["expenses"] = "支出",
        ["case.inclusion"] = DomainLabels.InclusionSteps.NameZh,
        ["case.measures"] = "帮扶措施",
        ["case.release.steps"] = DomainLabels.ReleaseSteps.NameZh,
        ["case.release.revisits"] = "回访",
    };

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["case.openedOn"] = "立案日期",
        ["case.trigger"] = "识别启动方式",
        ["case.proposedType"] = "拟纳入监测对象类别",
        ["case.planOn"] = "帮扶方案制定日期",
        ["id"] = "编号",
    };

    public static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "新增",
        ChangeKind.Removed => "删除",
        _ => "修改",
    };

    public static string Section(string section) => SectionNames.GetValueOrDefault(section, section);

    /// <summary>Every change, one line each: fields first, then the sections in <see cref="HouseholdDiffer.Sections"/> order.</summary>
    public static IEnumerable<string> Lines(HouseholdDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        foreach (var field in diff.Fields)
        {
            yield return Field(field, "");
        }

        foreach (var item in diff.Items.OrderBy(i => IndexOf(i.Section)))
        {
            yield return Item(item);
        }
    }

    /// <summary>One line: <c>收入周期 2022：新增</c>, <c>成员 m2 张小：修改 健康状况 健康 → 患大病</c>.</summary>
    public static string Item(ItemChange item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var prefix = item.Section switch
        {
            "incomes" => "incomes[0].",
            "members" => "members[].",
            _ => "",
        };
        var text = $"{Section(item.Section)} {Mask(Key(item))}：{Kind(item.Kind)}";
        return item.Fields.Count == 0 ? text : text + " " + string.Join("；", item.Fields.Select(f => Field(f, prefix)));
    }

    /// <summary>One field: <c>户类别 lifted → monitored</c>.</summary>
    public static string Field(FieldChange field, string prefix)
    {
        ArgumentNullException.ThrowIfNull(field);
        return $"{Label(prefix + field.Path)} {Value(field.Before)} → {Value(field.After)}";
    }

    /// <summary>The Chinese name of a field path, else the path.</summary>
    public static string Label(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (FieldNames.TryGetValue(path, out var name))
        {
            return name;
        }

        if (ImportColumns.ForField(path) is { } column)
        {
            return column.Header;
        }

        return path.StartsWith("members[].", StringComparison.Ordinal) && path.EndsWith(".id", StringComparison.Ordinal) ? "成员编号" : path;
    }

    private static int IndexOf(string section)
    {
        var index = HouseholdDiffer.Sections.ToList().IndexOf(section);
        return index < 0 ? int.MaxValue : index;
    }

    private static string Key(ItemChange item)
    {
        if (!item.Key.StartsWith('{'))
        {
            return item.Key;
        }

        // An event, expense or case step: its values in order, e.g. "warning_notice 2021-09-01".
        var node = JsonNode.Parse(item.Key) as JsonObject;
        return node is null ? item.Key : string.Join(" ", node.Select(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString(DisplayJson.Options)));
    }

    private static string Value(string? value) => value is null ? "（空）" : Mask(value);

    /// <summary>Masks every valid 18-character resident ID number in <paramref name="text"/> (<see cref="ResidentIdMasking"/>).</summary>
    public static string Mask(string text) => ResidentIdMasking.Apply(text);
}
