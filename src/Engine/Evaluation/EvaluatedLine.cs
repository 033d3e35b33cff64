using Monitoring.Engine.Findings;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Evaluation;

/// <summary>What a worker made of one input line: either problems (rejected) or the household's outcome.</summary>
internal sealed class EvaluatedLine
{
    public required long Line { get; init; }

    public string? HouseholdId { get; init; }

    public List<RecordProblem>? Problems { get; init; }

    public HouseholdOutcome? Outcome { get; init; }

    public List<(string Key, byte[] Json)>? SerializedFindings { get; init; }

    public string? CountyCode { get; init; }

    public string? VillageCode { get; init; }

    public string? Category { get; init; }

    public string? HelperName { get; init; }

    public bool HasCase { get; init; }

    public DateOnly? NextChangeOn { get; init; }
}
