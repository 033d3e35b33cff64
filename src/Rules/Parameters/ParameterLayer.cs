namespace Monitoring.Rules.Parameters;

/// <summary>
/// A set of dated parameter values from one origin: the national baseline, a region (GB/T 2260 code prefix)
/// or a region profile. Layers are searched most specific first.
/// </summary>
public sealed class ParameterLayer
{
    public ParameterLayer(string origin, string file, string? regionCode, string nameZh, IReadOnlyDictionary<string, IReadOnlyList<DatedParameterValue>> values)
    {
        Origin = origin;
        File = file;
        RegionCode = regionCode;
        NameZh = nameZh;
        Values = values;
    }

    /// <summary>"CN", a region code such as "21" or "420303", or "profile:ID".</summary>
    public string Origin { get; }

    public string File { get; }

    /// <summary>Region code prefix this layer applies to; null for national and profile layers.</summary>
    public string? RegionCode { get; }

    public string NameZh { get; }

    /// <summary>Per parameter, the dated values sorted by date.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DatedParameterValue>> Values { get; }

    public bool AppliesTo(string countyCode) => RegionCode is null || countyCode.StartsWith(RegionCode, StringComparison.Ordinal);

    public DatedParameterValue? InForce(string name, DateOnly date)
    {
        if (!Values.TryGetValue(name, out var series))
        {
            return null;
        }

        DatedParameterValue? found = null;
        foreach (var value in series)
        {
            if (value.From > date)
            {
                break;
            }

            found = value;
        }

        return found;
    }
}
