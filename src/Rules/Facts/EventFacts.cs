using Monitoring.Rules.Codes;

namespace Monitoring.Rules.Facts;

/// <summary>A dated event: a sudden shock, a self-declaration or a department warning.</summary>
public sealed class EventFacts
{
    public DateOnly Date { get; init; }

    public string Kind { get; init; } = "";

    public string Note { get; init; } = "";

    /// <summary>Format 1.1: destroyed | damaged when the event damaged the house; null otherwise.</summary>
    public string? HousingDamage { get; init; }

    /// <summary>Format 1.1: the day the house was rebuilt or repaired; null when not (yet) recorded.</summary>
    public DateOnly? HousingRepairedOn { get; init; }

    public bool DamagedHouse => HousingDamage is not null;

    public string HousingDamageZh => HousingDamage == "destroyed" ? "损毁" : "受损";

    /// <summary>Calendar days from the event to the evaluation date (0 on the same day).</summary>
    public int DaysAgo { get; init; }

    public bool IsSudden => Kind is "disaster" or "accident" or "serious_illness" or "job_loss";

    public string KindZh => DomainLabels.EventKinds.Zh(Kind);

    public bool IsDeclaration => Kind is "self_declared" or "department_warning";
}
