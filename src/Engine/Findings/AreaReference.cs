namespace Monitoring.Engine.Findings;

/// <summary>The area an area finding is about (no household): a county and a department list.</summary>
public sealed record AreaReference(string CountyCode, string ListId);
