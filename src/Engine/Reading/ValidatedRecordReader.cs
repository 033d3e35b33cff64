using System.Text;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Reading;

/// <summary>Reads a JSON Lines file in order, yielding each valid record once (a repeated id: the later line is rejected).</summary>
public static class ValidatedRecordReader
{
    public static IEnumerable<(long Line, HouseholdRecord Record)> Read(Stream input, DateOnly asOf, Action<RecordProblem> onProblem)
    {
        var validator = new HouseholdRecordValidator(asOf);
        var firstLineOf = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = new StreamReader(input, new UTF8Encoding(false), true, 1 << 16, leaveOpen: true);
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var problems = new List<RecordProblem>();
            var record = HouseholdRecordParser.Parse(line, lineNumber, problems);
            if (record is not null)
            {
                var result = validator.Validate(record);
                problems.AddRange(result.Errors.Select(e => new RecordProblem(lineNumber, e.PropertyName, e.ErrorMessage)));
            }

            if (record is null || problems.Count > 0)
            {
                problems.ForEach(onProblem);
                continue;
            }

            if (!firstLineOf.TryAdd(record.Id!, lineNumber))
            {
                onProblem(new RecordProblem(lineNumber, "id", $"户编码 {record.Id} 与第 {firstLineOf[record.Id!]} 行重复，本行未处理"));
                continue;
            }

            yield return (lineNumber, record);
        }
    }
}
