namespace Monitoring.Store.Web;

/// <summary>An evaluation run: when, what, how it ended (no household data).</summary>
public sealed record RunSummary(
    long Id,
    DateOnly AsOf,
    string Profile,
    string Mode,
    string Status,
    string RulesVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);
