using System.Text.RegularExpressions;

namespace Monitoring.Rules.Catalog;

/// <summary>
/// A rule's <c>source</c> as staff-facing text prints it: seed file names shortened to their number
/// (000_ec4c….txt row 83 → 000 row 83) and clauses joined with a full-width semicolon. The one place this shortening is done.
/// </summary>
public static partial class SourceClauses
{
    public static string Shorten(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return SeedFile().Replace(source, "$1").Replace("; ", "；", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(\d{3})_[0-9a-f]{16}\.txt", RegexOptions.CultureInvariant)]
    private static partial Regex SeedFile();
}
