namespace Monitoring.Rules.Facts;

/// <summary>The four drinking-water standards' measurements (饮水安全).</summary>
public sealed class WaterFacts
{
    public bool MeetsQualityStandard { get; init; }

    public decimal LitresPerPersonDay { get; init; }

    public bool PipedToHome { get; init; }

    public decimal FetchRoundTripMinutes { get; init; }

    public decimal SupplyGuaranteeRate { get; init; }
}
