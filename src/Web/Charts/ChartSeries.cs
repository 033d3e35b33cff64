namespace Monitoring.Web.Charts;

/// <summary>One line of a line chart: its name (the legend) and one value per x label.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);
