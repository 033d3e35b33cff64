namespace Monitoring.Store.Importing;

/// <summary>
/// Where an import comes from and how it combines the file with the stored records: the file's name, who ran it from
/// which client (kept in the change log), and the date the file describes (<c>--as-of</c>, the change log's described date).
/// </summary>
public sealed record ImportSource(string? FileName, string Actor, string Client)
{
    /// <summary>An import with no named source (tests, tools): actor and client <c>import</c>.</summary>
    public static ImportSource Unnamed { get; } = new(null, "import", "import");

    /// <summary>How file records combine with stored ones; null: the format's default (JSON Lines replace, spreadsheets merge).</summary>
    public Monitoring.Engine.Importing.ImportMode? Mode { get; init; }

    /// <summary>Whether removals of stored data (a cycle, a member, a visit, an event, an expense) are allowed (and logged).</summary>
    public bool AllowRemovals { get; init; }

    /// <summary>Work out and report what the import would do, then roll back.</summary>
    public bool DryRun { get; init; }

    /// <summary>Told about each household the import adds or changes (after the merge, before the commit).</summary>
    public Action<ImportedHousehold>? OnHousehold { get; init; }

    /// <summary>Told (in Chinese) about each deadlock or serialization failure retried.</summary>
    public Action<string>? OnRetry { get; init; }
}
