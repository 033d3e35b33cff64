namespace Monitoring.Rules.Facts;

public sealed class HousingFacts
{
    /// <summary>A | B | C | D | suspected | unknown.</summary>
    public string Safety { get; init; } = "unknown";

    public bool OnlyHouse { get; init; }

    public DateOnly? AppraisedOn { get; init; }
}
