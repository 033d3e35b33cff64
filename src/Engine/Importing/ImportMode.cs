namespace Monitoring.Engine.Importing;

/// <summary>How an imported record combines with the stored one (docs/decisions/0006-household-history.md).</summary>
public enum ImportMode
{
    /// <summary>The file's record replaces the stored one (JSON Lines default); the case recorded through case commands is kept.</summary>
    Replace,

    /// <summary>The file's record carries the newest state of what it has; everything else stored is kept (spreadsheets; JSON Lines with <c>--merge</c>).</summary>
    Merge,
}
