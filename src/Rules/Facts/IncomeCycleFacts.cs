namespace Monitoring.Rules.Facts;

/// <summary>One income cycle (收入周期) with the derived figures the rules compare.</summary>
public sealed class IncomeCycleFacts
{
    public int Year { get; init; }

    public DateOnly From { get; init; }

    public DateOnly To { get; init; }

    public decimal Wage { get; init; }

    public decimal Production { get; init; }

    public decimal Property { get; init; }

    public decimal Transfer { get; init; }

    public decimal ProductionCost { get; init; }

    public int Size { get; init; }

    /// <summary>Wage + production + property + transfer (总收入).</summary>
    public decimal TotalIncome => Wage + Production + Property + Transfer;

    /// <summary>Total income − production cost (家庭纯收入).</summary>
    public decimal NetIncome => TotalIncome - ProductionCost;

    /// <summary>(wage + production + property + transfer − productionCost) / size (家庭人均纯收入), unrounded.</summary>
    public decimal PerCapitaNetIncome => NetIncome / Size;

    public bool HasTotalIncome => TotalIncome > 0;

    /// <summary>Share of wage and production (生产经营和务工收入) in total income; 0 when there is no income.</summary>
    public decimal EarnedShare => TotalIncome > 0 ? (Wage + Production) / TotalIncome : 0m;
}
