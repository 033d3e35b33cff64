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
        long lineNumber = 0;
        foreach (var line in new Utf8LineReader(input).ReadLines())
        {
            lineNumber++;
            if (Utf8LineReader.IsBlank(line))
            {
                continue;
            }

            var problems = new List<RecordProblem>();
            var record = HouseholdRecordParser.ParseValid(line, lineNumber, validator, problems);
            if (record is null)
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
