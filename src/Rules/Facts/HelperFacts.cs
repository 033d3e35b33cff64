namespace Monitoring.Rules.Facts;

/// <summary>The paired helper (结对帮扶人).</summary>
public sealed class HelperFacts
{
    public string Name { get; init; } = "";

    public DateOnly AssignedOn { get; init; }
}
