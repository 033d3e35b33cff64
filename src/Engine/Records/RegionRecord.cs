namespace Monitoring.Engine.Records;

public sealed class RegionRecord
{
    public string? Province { get; set; }

    public string? County { get; set; }

    public string? CountyCode { get; set; }

    public string? Town { get; set; }

    public string? Village { get; set; }

    public string? VillageCode { get; set; }
}
