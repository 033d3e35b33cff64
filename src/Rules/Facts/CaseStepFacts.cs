namespace Monitoring.Rules.Facts;

/// <summary>A procedure step done on a date; public notices also have the last day shown.</summary>
public sealed class CaseStepFacts
{
    public string Step { get; init; } = "";

    public DateOnly Date { get; init; }

    public DateOnly? Until { get; init; }

    public bool HasUntil => Until is not null;

    /// <summary>Days a notice was shown: until − date + 1; 0 when no end date was recorded.</summary>
    public int NoticeDays => Until is { } until ? until.DayNumber - Date.DayNumber + 1 : 0;
}
