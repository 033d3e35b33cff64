namespace Monitoring.Rules.Facts;

/// <summary>The year's planned exit (当年计划脱贫户), via industry or not (format 1.1 <c>exitPlan</c>).</summary>
public sealed class ExitPlanFacts
{
    public int Year { get; init; }

    public bool ViaIndustry { get; init; }
}
