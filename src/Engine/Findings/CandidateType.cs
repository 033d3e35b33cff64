using Monitoring.Rules.Codes;

namespace Monitoring.Engine.Findings;

/// <summary>
/// The monitoring type proposed for a candidate (household-format.md): unstable for a lifted household,
/// hardship when a rigid-expenditure or sudden-event rule fired, otherwise marginal.
/// </summary>
public static class CandidateType
{
    public const string Unstable = "unstable";
    public const string Marginal = "marginal";
    public const string Hardship = "hardship";

    public static string Zh(string type) => DomainLabels.MonitoringTypes.Zh(DomainLabels.MonitoringTypes.Contains(type) ? type : Marginal);
}
