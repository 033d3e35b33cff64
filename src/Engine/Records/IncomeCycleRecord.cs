namespace Monitoring.Engine.Records;

public sealed class IncomeCycleRecord
{
    public int? Year { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public decimal? Wage { get; set; }

    public decimal? Production { get; set; }

    public decimal? Property { get; set; }

    public decimal? Transfer { get; set; }

    public decimal? ProductionCost { get; set; }

    public int? Size { get; set; }
}
