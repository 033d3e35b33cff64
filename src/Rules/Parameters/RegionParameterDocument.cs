namespace Monitoring.Rules.Parameters;

/// <summary>
/// A file of dated parameter values for one region and year range (<c>rules/parameters/**/*.yaml</c>).
/// <c>region: CN</c> is the national baseline; otherwise a GB/T 2260 code prefix ("21" 辽宁省, "420303" 张湾区).
/// </summary>
public sealed class RegionParameterDocument
{
    public string Region { get; set; } = "";

    public string RegionNameZh { get; set; } = "";

    public Dictionary<string, List<DatedParameterValue>> Values { get; set; } = [];
}
