using Monitoring.Rules.Codes;

namespace Monitoring.Rules.Expressions;

/// <summary>Chinese names of the documented procedure steps, for messages to village and town staff (labels: <see cref="DomainLabels"/>).</summary>
public static class StepNames
{
    public static IReadOnlyCollection<string> InclusionSteps { get; } = [.. DomainLabels.InclusionSteps.Values];

    public static IReadOnlyCollection<string> ReleaseSteps { get; } = [.. DomainLabels.ReleaseSteps.Values];

    public static string Zh(string step) => DomainLabels.StepZh(step);
}
