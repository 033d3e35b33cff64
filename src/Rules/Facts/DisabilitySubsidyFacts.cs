namespace Monitoring.Rules.Facts;

/// <summary>残疾人两项补贴 a member receives (format 1.1 <c>disabilitySubsidies</c>).</summary>
public sealed class DisabilitySubsidyFacts
{
    /// <summary>困难残疾人生活补贴.</summary>
    public bool Living { get; init; }

    /// <summary>重度残疾人护理补贴.</summary>
    public bool Nursing { get; init; }
}
