using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitoring.Engine.Importing;

/// <summary>The outcome of converting one cell: no value (empty cell), a value, or the reason it cannot be converted.</summary>
internal readonly record struct Parsed(bool HasValue, object? Value, string? Error)
{
    public static Parsed None => default;

    public static Parsed Of(object value) => new(true, value, null);

    public static Parsed Fail(string error) => new(false, null, error);
}

/// <summary>Cell converters used by <see cref="ImportColumns"/>. Messages are Chinese and never repeat a sensitive value.</summary>
internal static partial class CellParsers
{
    private const int MaxQuoted = 30;
    private static readonly DateOnly Excel1900 = new(1899, 12, 30);
    private static readonly DateOnly Excel1904 = new(1904, 1, 1);
    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '/', '|'];
    private static readonly string[] NoneWords = ["无", "否", "none"];

    [GeneratedRegex(@"^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    /// <summary>What was read, quoted for a message, unless the column is sensitive (name, resident ID).</summary>
    public static string Quoted(TabularCell cell, bool sensitive)
    {
        if (sensitive)
        {
            return "";
        }

        var text = cell.Text.Length > MaxQuoted ? cell.Text[..MaxQuoted] + "…" : cell.Text;
        return $"，读到“{text}”";
    }

    private static Parsed ErrorCell(TabularCell cell) => Parsed.Fail($"单元格是错误值 {cell.Text}（公式出错），应为有效内容");

    /// <summary>Free text (names, places). A number cell gives its digits.</summary>
    public static Parsed Text(TabularCell cell) => cell.Kind switch
    {
        CellKind.Empty => Parsed.None,
        CellKind.Error => ErrorCell(cell),
        CellKind.Number => Parsed.Of(NumberAsDigits(cell.Text) ?? cell.Text),
        _ => Parsed.Of(cell.Text),
    };

    /// <summary>
    /// Identifiers and administrative codes (户编码, 县级代码, 成员编号). A number cell is accepted only while it still holds
    /// every digit: Excel keeps 15 significant digits, so a longer code typed as a number has lost its last digits.
    /// </summary>
    public static Parsed Code(TabularCell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return Parsed.None;
            case CellKind.Error:
                return ErrorCell(cell);
            case CellKind.Number:
                var digits = NumberAsDigits(cell.Text);
                return digits is not null && digits.TrimStart('-').Length <= 15
                    ? Parsed.Of(digits)
                    : Parsed.Fail("编码以数字格式保存，超过 15 位的部分已被 Excel 舍入；请将此列设为文本格式后重新导出" + Quoted(cell, false));
            default:
                return Parsed.Of(cell.Text);
        }
    }

    /// <summary>Resident ID numbers: text only (a number cell has lost digits and cannot hold the check character X).</summary>
    public static Parsed IdNumber(TabularCell cell) => cell.Kind switch
    {
        CellKind.Empty => Parsed.None,
        CellKind.Error => ErrorCell(cell),
        CellKind.Number or CellKind.Boolean => Parsed.Fail("证件号码以数字格式保存，末几位已丢失；请将此列设为文本格式后重新导出"),
        _ => Parsed.Of(cell.Text.ToUpperInvariant()),
    };

    public static Parsed Code(TabularCell cell, CodeMap map, bool sensitive = false)
    {
        if (cell.IsEmpty)
        {
            return Parsed.None;
        }

        if (cell.Kind == CellKind.Error)
        {
            return ErrorCell(cell);
        }

        return map.Find(cell.Text) is { } code
            ? Parsed.Of(code)
            : Parsed.Fail("应为以下之一：" + map.Describe() + Quoted(cell, sensitive));
    }

    /// <summary>A list of codes or labels separated by 、 (also ，,；;/|). An empty cell or 无 is an empty list.</summary>
    public static Parsed CodeList(TabularCell cell, CodeMap map)
    {
        if (cell.Kind == CellKind.Error)
        {
            return ErrorCell(cell);
        }

        var list = new List<string>();
        if (cell.IsEmpty || Array.Exists(NoneWords, w => string.Equals(w, cell.Text, StringComparison.OrdinalIgnoreCase)))
        {
            return Parsed.Of(list);
        }

        foreach (var part in cell.Text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (map.Find(part) is not { } code)
            {
                return Parsed.Fail($"“{Shorten(part)}”不是可识别的值；应为以下之一，多项用“、”分隔：" + map.Describe());
            }

            if (!list.Contains(code))
            {
                list.Add(code);
            }
        }

        return Parsed.Of(list);
    }

    public static Parsed Bool(TabularCell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return Parsed.None;
            case CellKind.Error:
                return ErrorCell(cell);
            case CellKind.Boolean:
                return Parsed.Of(cell.Text is "1" or "true" or "TRUE");
        }

        var text = cell.Text;
        if (text == "是" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return Parsed.Of(true);
        }

        if (text == "否" || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return Parsed.Of(false);
        }

        return Parsed.Fail("应为 是 或 否（或 true / false）" + Quoted(cell, false));
    }

    /// <summary>YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日 (a time of day is ignored); in xlsx also an Excel serial date.</summary>
    public static Parsed Date(TabularCell cell, CellContext context)
    {
        const string Expected = "应为 YYYY-MM-DD 格式的日期（也接受 YYYY/M/D、YYYY年M月D日）";
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return Parsed.None;
            case CellKind.Error:
                return ErrorCell(cell);
            case CellKind.Number:
                return FromSerial(cell.Text, context) is { } serialDate
                    ? Parsed.Of(serialDate)
                    : Parsed.Fail(Expected + "；数字单元格不是有效的 Excel 日期" + Quoted(cell, false));
            case CellKind.Boolean:
                return Parsed.Fail(Expected + Quoted(cell, false));
        }

        var match = DatePattern().Match(cell.Text);
        if (match.Success)
        {
            var year = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups[2].Success ? match.Groups[2].ValueSpan : match.Groups[4].ValueSpan, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups[3].Success ? match.Groups[3].ValueSpan : match.Groups[5].ValueSpan, CultureInfo.InvariantCulture);
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return Parsed.Of(new DateOnly(year, month, day));
            }
        }

        return Parsed.Fail(Expected + Quoted(cell, false));
    }

    /// <summary>An Excel serial day number (the 1900 system with its phantom 1900-02-29, or the 1904 system); the time of day is dropped.</summary>
    internal static DateOnly? FromSerial(string raw, CellContext context)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value >= 2_958_466m)
        {
            return null;
        }

        var days = (int)decimal.Floor(value);
        if (context.Date1904)
        {
            return Excel1904.AddDays(days);
        }

        return days switch
        {
            0 or 60 => null, // 1900-01-00 and 1900-02-29 do not exist
            < 60 => Excel1900.AddDays(days + 1),
            _ => Excel1900.AddDays(days),
        };
    }

    /// <summary>A number, optionally with thousands separators (18,000.50); number cells as stored.</summary>
    public static Parsed Number(TabularCell cell, string expected)
    {
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return Parsed.None;
            case CellKind.Error:
                return ErrorCell(cell);
            case CellKind.Number:
                return decimal.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var stored)
                    ? Parsed.Of(stored)
                    : Parsed.Fail(expected + Quoted(cell, false));
            case CellKind.Boolean:
                return Parsed.Fail(expected + Quoted(cell, false));
        }

        return ParseNumberText(cell.Text) is { } value ? Parsed.Of(value) : Parsed.Fail(expected + Quoted(cell, false));
    }

    public static Parsed Integer(TabularCell cell)
    {
        const string Expected = "应为整数";
        var number = Number(cell, Expected);
        if (!number.HasValue)
        {
            return number;
        }

        var value = (decimal)number.Value!;
        return value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue
            ? Parsed.Of((int)value)
            : Parsed.Fail(Expected + Quoted(cell, false));
    }

    /// <summary>0.95, 95% or 95％; a number cell formatted as a percentage holds 0.95. Must end up within 0..1.</summary>
    public static Parsed Rate(TabularCell cell)
    {
        const string Expected = "应为 0 到 1 之间的小数或百分数（如 0.95 或 95%）";
        Parsed parsed;
        if (cell.Kind == CellKind.Text && (cell.Text.EndsWith('%') || cell.Text.EndsWith('％')))
        {
            parsed = ParseNumberText(cell.Text[..^1].TrimEnd()) is { } percent ? Parsed.Of(percent / 100m) : Parsed.Fail(Expected + Quoted(cell, false));
        }
        else
        {
            parsed = Number(cell, Expected);
        }

        return parsed.HasValue && (decimal)parsed.Value! is < 0 or > 1 ? Parsed.Fail(Expected + Quoted(cell, false)) : parsed;
    }

    /// <summary>1 to 4, also written 2级, 二级 or 二; 无 means none.</summary>
    public static Parsed DisabilityGrade(TabularCell cell)
    {
        const string Expected = "应为残疾等级 1 至 4（如 2、2级 或 二级）";
        if (cell.IsEmpty || cell.Text == "无")
        {
            return Parsed.None;
        }

        var text = cell.Text.EndsWith('级') ? cell.Text[..^1].Trim() : cell.Text;
        int? grade = text switch
        {
            "一" => 1,
            "二" => 2,
            "三" => 3,
            "四" => 4,
            _ => null,
        };
        if (grade is null)
        {
            var number = Integer(cell with { Text = text });
            if (!number.HasValue)
            {
                return number.Error is null ? number : Parsed.Fail(Expected + Quoted(cell, false));
            }

            grade = (int)number.Value!;
        }

        return grade is >= 1 and <= 4 ? Parsed.Of(grade.Value) : Parsed.Fail(Expected + Quoted(cell, false));
    }

    private static decimal? ParseNumberText(string text)
    {
        if (!NumberPattern().IsMatch(text))
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
            CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The digits of an integral number cell ("610728001001", also from 6.10728001001E+11), or null when not integral.</summary>
    private static string? NumberAsDigits(string raw)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value != decimal.Truncate(value))
        {
            return null;
        }

        return value.ToString("0", CultureInfo.InvariantCulture);
    }

    private static string Shorten(string text) => text.Length > MaxQuoted ? text[..MaxQuoted] + "…" : text;
}
