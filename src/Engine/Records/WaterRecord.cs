namespace Monitoring.Engine.Records;

public sealed class WaterRecord
{
    public bool? MeetsQualityStandard { get; set; }

    public decimal? LitresPerPersonDay { get; set; }

    public bool? PipedToHome { get; set; }

    public decimal? FetchRoundTripMinutes { get; set; }

    public decimal? SupplyGuaranteeRate { get; set; }
}
