namespace Monitoring.Store.History;

/// <summary>
/// One row of the household change log (<c>household_changes</c>): a household went from <see cref="PreviousHash"/>
/// (null when the change created it) to <see cref="NewHash"/>. <see cref="RecordedAt"/> is when the store recorded it
/// (the clock); <see cref="DescribedOn"/> is the date the change describes (an import's <c>--as-of</c>, a case command's
/// date). A run over an as-of evaluates each household in the version of its newest row described on or before that
/// date (ties by id).
/// </summary>
public sealed record HouseholdChange(string HouseholdId, string? PreviousHash, string NewHash, DateTimeOffset RecordedAt, DateOnly DescribedOn,
    string Source, string Actor, string Client)
{
    /// <summary>The row's id (0 before it is appended).</summary>
    public long Id { get; init; }

    /// <summary>The imported file's name (imports).</summary>
    public string? FileName { get; init; }

    /// <summary>The file's line (JSON Lines) or first row (spreadsheets) of the household (imports).</summary>
    public long? Line { get; init; }

    /// <summary>How the import combined the file with the stored record: <c>replace</c> or <c>merge</c> (imports).</summary>
    public string? Mode { get; init; }

    /// <summary>Source-specific details as a JSON object: a case command and its payload, removals allowed, a correction.</summary>
    public string? DetailsJson { get; init; }
}
