using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.Rules.Department;

namespace Monitoring.Engine.Department;

/// <summary>
/// The file names of a roster directory (<c>evaluate --rosters DIR</c>, <c>generate --rosters DIR</c>):
/// <c>&lt;list&gt;.&lt;county code&gt;.&lt;snapshot date&gt;.jsonl</c> (or .xlsx, .csv), e.g. <c>mca-dibao.610728.2022-06-15.jsonl</c>.
/// </summary>
public static partial class RosterFileName
{
    [GeneratedRegex(@"^(?<list>[a-z0-9-]+)\.(?<county>\d{6})\.(?<date>\d{4}-\d{2}-\d{2})\.(?<ext>jsonl|xlsx|csv)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static string Of(string listId, string countyCode, DateOnly snapshot, string extension = "jsonl") =>
        $"{listId}.{countyCode}.{snapshot:yyyy-MM-dd}.{extension}";

    /// <summary>The list, county and snapshot date a file name gives, or null when it does not follow the pattern.</summary>
    public static (string ListId, string CountyCode, DateOnly Snapshot)? Parse(string fileName)
    {
        var match = Pattern().Match(fileName);
        if (!match.Success || DepartmentLists.KindOf(match.Groups["list"].Value) is null
            || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        return (match.Groups["list"].Value, match.Groups["county"].Value, date);
    }
}
