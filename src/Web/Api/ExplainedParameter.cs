namespace Monitoring.Web.Api;

/// <summary>A parameter a rule read: its value, the date its entry is in force from, whose value it is (national, county …),
/// whether an earlier year's figure was carried forward, and its source as document title and clause.</summary>
public sealed record ExplainedParameter(string Name, string Value, DateOnly From, string Origin, bool CarriedForward, string Source);
