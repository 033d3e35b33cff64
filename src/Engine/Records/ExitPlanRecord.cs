namespace Monitoring.Engine.Records;

/// <summary>v1.1: the year's planned exit (当年计划脱贫), and whether it is via industry (产业脱贫户).</summary>
public sealed class ExitPlanRecord
{
    public int? Year { get; set; }

    public bool? ViaIndustry { get; set; }
}
