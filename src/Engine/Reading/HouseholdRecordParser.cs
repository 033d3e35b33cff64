using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Reading;

/// <summary>Parses one JSON Lines line into a record, or explains in Chinese what is wrong and where.</summary>
public static class HouseholdRecordParser
{
    /// <summary>
    /// Parses and validates one line: the record when it can be evaluated, otherwise null with every problem
    /// (syntax, types, then field rules) added to <paramref name="problems"/>.
    /// </summary>
    public static HouseholdRecord? ParseValid(ReadOnlySpan<byte> utf8Line, long lineNumber, HouseholdRecordValidator validator, List<RecordProblem> problems)
    {
        var record = Parse(utf8Line, lineNumber, problems);
        if (record is null)
        {
            return null;
        }

        var validation = validator.Validate(record);
        if (validation.IsValid)
        {
            return record;
        }

        problems.AddRange(validation.Errors.Select(e => new RecordProblem(lineNumber, e.PropertyName, e.ErrorMessage)));
        return null;
    }

    public static HouseholdRecord? Parse(ReadOnlySpan<byte> utf8Line, long lineNumber, List<RecordProblem> problems)
    {
        if (LineProblem(utf8Line) is { } lineProblem)
        {
            problems.Add(new RecordProblem(lineNumber, "$", lineProblem));
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize(utf8Line, RecordJsonContext.Default.HouseholdRecord);
            if (record is null)
            {
                problems.Add(new RecordProblem(lineNumber, "$", "应为一个 JSON 对象，而不是 null"));
            }

            return record;
        }
        catch (JsonException ex)
        {
            problems.Add(new RecordProblem(lineNumber, FieldOf(ex.Path), Describe(ex)));
            return null;
        }
    }

    /// <summary>A line too long, holding a NUL character or not valid UTF-8: why, in Chinese; null for a line JSON may parse.</summary>
    public static string? LineProblem(ReadOnlySpan<byte> utf8Line)
    {
        if (utf8Line.Length > Utf8LineReader.MaxLineBytes)
        {
            return $"本行超过 {Utf8LineReader.MaxLineBytes / (1 << 20)} MiB（{Utf8LineReader.MaxLineBytes:N0} 字节）的长度上限，未读取";
        }

        var nul = utf8Line.IndexOf((byte)0);
        if (nul >= 0)
        {
            return $"第 {nul + 1} 个字节是 NUL 字符（\\u0000），文件可能已损坏或不是文本文件";
        }

        if (!Utf8.IsValid(utf8Line))
        {
            return $"不是有效的 UTF-8 文本（第 {FirstInvalidUtf8(utf8Line) + 1} 个字节附近），请将文件另存为 UTF-8 编码";
        }

        return null;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return at;
    }

    internal static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
    }

    internal static string Describe(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            var expected = message switch
            {
                _ when message.Contains("DateOnly", StringComparison.Ordinal) => "应为 YYYY-MM-DD 格式的日期字符串",
                _ when message.Contains("Decimal", StringComparison.Ordinal) => "应为数字（金额、比例）",
                _ when message.Contains("Int32", StringComparison.Ordinal) => "应为整数",
                _ when message.Contains("Boolean", StringComparison.Ordinal) => "应为 true 或 false",
                _ when message.Contains("String", StringComparison.Ordinal) => "应为字符串",
                _ when message.Contains("List", StringComparison.Ordinal) => "应为数组",
                _ => "类型不正确",
            };
            return $"取值类型不正确：{expected}";
        }

        var position = ex.BytePositionInLine is long column ? $"（第 {column + 1} 个字节附近）" : "";
        return $"JSON 语法错误{position}：{FirstSentence(message)}";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
