using Monitoring.Engine.Records;

namespace Monitoring.Engine.Importing;

/// <summary>Whether a column describes the household (repeated on each member row) or the member of its row.</summary>
public enum ColumnScope
{
    Household,
    Member,
}

/// <summary>One column of the member-per-row layout: its Chinese header, the interchange field it fills, and how cells are read.</summary>
public sealed class ImportColumn
{
    private readonly Func<TabularCell, CellContext, Parsed> _parse;
    private readonly Action<HouseholdRecord, object>? _setHousehold;
    private readonly Action<MemberRecord, object>? _setMember;

    private ImportColumn(string header, string fieldPath, ColumnScope scope, bool required, string accepted, IReadOnlyList<string> aliases,
        Func<TabularCell, CellContext, Parsed> parse, Action<HouseholdRecord, object>? setHousehold, Action<MemberRecord, object>? setMember)
    {
        Header = header;
        FieldPath = fieldPath;
        Scope = scope;
        Required = required;
        Accepted = accepted;
        Aliases = aliases;
        _parse = parse;
        _setHousehold = setHousehold;
        _setMember = setMember;
    }

    /// <summary>The header as the national system's exports spell it; also the field named in problems.</summary>
    public string Header { get; }

    /// <summary>Other header spellings accepted for this column.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The JSON Lines field path (household-format.md); <c>members[].x</c> for member columns.</summary>
    public string FieldPath { get; }

    public ColumnScope Scope { get; }

    /// <summary>A file without this column is refused; a row (member columns) or household (household columns) without a value has a problem.</summary>
    public bool Required { get; }

    /// <summary>The accepted values, in words (for the documentation and messages).</summary>
    public string Accepted { get; }

    internal static ImportColumn ForHousehold<T>(string header, string fieldPath, bool required, string accepted, Func<TabularCell, CellContext, Parsed> parse,
        Action<HouseholdRecord, T> set, params string[] aliases) where T : notnull =>
        new(header, fieldPath, ColumnScope.Household, required, accepted, aliases, parse, (h, v) => set(h, (T)v), null);

    internal static ImportColumn ForMember<T>(string header, string fieldPath, bool required, string accepted, Func<TabularCell, CellContext, Parsed> parse,
        Action<MemberRecord, T> set, params string[] aliases) where T : notnull =>
        new(header, fieldPath, ColumnScope.Member, required, accepted, aliases, parse, null, (m, v) => set(m, (T)v));

    internal Parsed Parse(TabularCell cell, CellContext context) => _parse(cell, context);

    internal void Apply(HouseholdRecord household, object value) => _setHousehold!(household, value);

    internal void Apply(MemberRecord member, object value) => _setMember!(member, value);
}
