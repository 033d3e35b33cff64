namespace Monitoring.Store.Access;

/// <summary>
/// Area codes: a 6-digit county, 9-digit town or 12-digit village code (the prefixes of a household's 12-digit village
/// code). An area covers itself and everything below it.
/// </summary>
public static class AreaCodes
{
    public static bool IsValid(string? code) =>
        code is { Length: 6 or 9 or 12 } && code.All(char.IsAsciiDigit);

    /// <summary>True when <paramref name="inner"/> (an area or a village code) lies in <paramref name="area"/>.</summary>
    public static bool Covers(string area, string? inner) =>
        inner is not null && inner.Length >= area.Length && inner.StartsWith(area, StringComparison.Ordinal);

    public static string Level(string code) => code.Length switch
    {
        6 => "县",
        9 => "镇",
        12 => "村",
        _ => "地区",
    };
}
