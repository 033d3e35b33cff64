using Monitoring.Rules.Department;
using System.Text.Json;
using Monitoring.Engine.Importing;
using Monitoring.Engine.Reading;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Department;

/// <summary>One line (JSON Lines) or one assembled row group (spreadsheet) of a delivery: the line when valid, else its problems.</summary>
public sealed record RosterEntry(long Number, RosterLine? Line, IReadOnlyList<RecordProblem> Problems);

/// <summary>
/// Reads a department delivery: JSON Lines (one object a line) or a spreadsheet with Chinese headers
/// (<see cref="RosterSheetReader"/>, docs/department-mapping.md). Every line is validated for its list.
/// </summary>
public static class RosterFileReader
{
    public static IEnumerable<RosterEntry> Read(Stream input, string fileName, RosterKind kind) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => RosterSheetReader.Read(input, TabularFormat.Xlsx, kind),
            ".csv" => RosterSheetReader.Read(input, TabularFormat.Csv, kind),
            _ => ReadJsonLines(input, kind),
        };

    public static IEnumerable<RosterEntry> ReadJsonLines(Stream input, RosterKind kind)
    {
        long number = 0;
        foreach (var bytes in new Utf8LineReader(input).ReadLines())
        {
            number++;
            if (Utf8LineReader.IsBlank(bytes))
            {
                continue;
            }

            yield return ParseJson(bytes, number, kind);
        }
    }

    public static RosterEntry ParseJson(ReadOnlySpan<byte> bytes, long number, RosterKind kind)
    {
        RosterLine? line;
        try
        {
            line = JsonSerializer.Deserialize(bytes, RosterJsonContext.Default.RosterLine);
        }
        catch (JsonException ex)
        {
            return new RosterEntry(number, null, [new RecordProblem(number, HouseholdRecordParser.FieldOf(ex.Path), HouseholdRecordParser.Describe(ex))]);
        }

        if (line is null)
        {
            return new RosterEntry(number, null, [new RecordProblem(number, "$", "应为一个 JSON 对象，而不是 null")]);
        }

        var problems = RosterLineValidator.Validate(line, kind);
        return problems.Count == 0
            ? new RosterEntry(number, line, [])
            : new RosterEntry(number, null, [.. problems.Select(p => new RecordProblem(number, p.Field, p.Reason))]);
    }
}
