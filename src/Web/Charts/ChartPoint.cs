namespace Monitoring.Web.Charts;

/// <summary>One labelled value of a bar chart (and one row of the table beside it).</summary>
public sealed record ChartPoint(string Label, decimal Value);
