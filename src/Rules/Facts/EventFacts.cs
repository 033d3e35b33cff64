using Monitoring.Rules.Codes;

namespace Monitoring.Rules.Facts;

/// <summary>A dated event: a sudden shock, a self-declaration or a department warning.</summary>
public sealed class EventFacts
{
    public DateOnly Date { get; init; }

    public string Kind { get; init; } = "";

    public string Note { get; init; } = "";

    /// <summary>Calendar days from the event to the evaluation date (0 on the same day).</summary>
    public int DaysAgo { get; init; }

    public bool IsSudden => Kind is "disaster" or "accident" or "serious_illness" or "job_loss";

    public string KindZh => DomainLabels.EventKinds.Zh(Kind);

    public bool IsDeclaration => Kind is "self_declared" or "department_warning";
}
