namespace Monitoring.Store.Web;

/// <summary>One access log row: who (role), when, what (action, household, area, detail), from where.</summary>
public sealed record AccessLogEntry(
    long Id,
    DateTimeOffset At,
    string UserName,
    string Role,
    string Action,
    string? HouseholdId,
    string? AreaCode,
    string? Detail,
    string? ClientAddress);
