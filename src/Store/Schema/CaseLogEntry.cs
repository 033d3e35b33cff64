using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>
/// One command recorded on a monitoring case (open, step, helper, plan, measure, visit, release-step, revisit):
/// who gave it, when, from which client, and the household version it produced. Append-only.
/// </summary>
public sealed class CaseLogEntry
{
    public long Id { get; set; }

    public required string HouseholdId { get; set; }

    /// <summary>open | step | helper | plan | measure | visit | release-step | revisit.</summary>
    public required string Command { get; set; }

    /// <summary>The command's arguments as given (jsonb; dates as yyyy-MM-dd).</summary>
    public required string Payload { get; set; }

    public required string Actor { get; set; }

    /// <summary>The client the command came from, e.g. <c>cli@host</c>.</summary>
    public required string Client { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The household version before the command (null for a household first created by it).</summary>
    public string? PreviousHash { get; set; }

    /// <summary>The household version the command produced.</summary>
    public required string ResultingHash { get; set; }
}
