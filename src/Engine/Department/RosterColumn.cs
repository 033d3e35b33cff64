using Monitoring.Rules.Department;
using Monitoring.Engine.Importing;

namespace Monitoring.Engine.Department;

/// <summary>One Chinese column of a department spreadsheet: its header and other spellings, the roster field it fills, how cells are read.</summary>
internal sealed record RosterColumn(string Header, string Field, bool Required, string[] Aliases,
    Func<TabularCell, CellContext, Parsed> Parse, Action<RosterLine, object> Apply)
{
    public bool Matches(string header)
    {
        var squeezed = ImportColumns.Squeeze(header).TrimStart('*', '＊');
        return squeezed == Header || Array.IndexOf(Aliases, squeezed) >= 0;
    }
}
