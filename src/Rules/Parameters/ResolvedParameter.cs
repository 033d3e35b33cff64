using System.Globalization;

namespace Monitoring.Rules.Parameters;

/// <summary>A parameter value as a rule read it: the value, the dated entry it came from and why that entry applies.</summary>
public sealed record ResolvedParameter(
    string Name,
    string RawValue,
    decimal? Number,
    DateOnly From,
    string Reference,
    bool CountySet,
    string Origin,
    string OriginNameZh,
    int? ForYear)
{
    /// <summary>For year-indexed values: the value dated in an earlier year was carried forward (no figure published for that year).</summary>
    public bool CarriedForward => ForYear is int year && From.Year < year;

    /// <summary>A stable key of the dated entry, for rule version hashes.</summary>
    public string EntryKey => field ??= string.Create(CultureInfo.InvariantCulture, $"{Name}@{Origin}@{From:yyyy-MM-dd}={RawValue}");
}
