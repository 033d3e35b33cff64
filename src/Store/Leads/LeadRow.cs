namespace Monitoring.Store.Leads;

/// <summary>
/// A lead as the store gives it to staff: where it came from (a receipt number for a self-declaration; list, snapshot and
/// line for a department warning), the household and member it matches (or none), the difficulty, when and by whom it
/// was raised, and its status. Resident IDs are masked (<see cref="IdNumber"/>, and any typed into the description).
/// </summary>
public sealed record LeadRow(
    long Id,
    string? ReceiptNo,
    string Source,
    string? ListId,
    DateOnly? SnapshotDate,
    int? LineNo,
    long? DeliveryId,
    string CountyCode,
    string? VillageCode,
    string? VillageName,
    string? HouseholdId,
    string? MemberId,
    string? PersonName,
    string? IdNumber,
    string? Phone,
    string DifficultyKind,
    string Description,
    DateOnly RaisedOn,
    DateTimeOffset RaisedAt,
    string RaisedBy,
    string Status,
    string? Reason,
    string? DecidedBy,
    DateTimeOffset? DecidedAt)
{
    /// <summary>The status history, oldest first (filled by a single-lead read).</summary>
    public IReadOnlyList<LeadStatusEntry> History { get; init; } = [];

    public string SourceZh => Monitoring.Rules.Codes.DomainLabels.LeadSources.Zh(Source);

    public string DifficultyZh => Monitoring.Rules.Codes.DomainLabels.DifficultyZh(DifficultyKind);

    public string StatusZh => Monitoring.Rules.Codes.DomainLabels.LeadStatuses.Zh(Status);

    /// <summary>For a department warning: <c>warn-x 快照 2022-06-15 #3 第 4 行</c>.</summary>
    public string? SourceReference => ListId is null ? ReceiptNo : $"{ListId} 快照 {SnapshotDate:yyyy-MM-dd} #{DeliveryId} 第 {LineNo} 行";
}
