using Monitoring.Rules.Parameters;

namespace Monitoring.Rules.Profiles;

/// <summary>A region profile as written in <c>rules/profiles/ID.yaml</c>.</summary>
public sealed class RegionProfileDocument
{
    public string Id { get; set; } = "";

    /// <summary>The profile this one layers on; every profile but <c>cn-national</c> names one.</summary>
    public string? Extends { get; set; }

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    /// <summary>The seed document the profile follows.</summary>
    public string Document { get; set; } = "";

    /// <summary>GB/T 2260 code of the place the document governs, for information.</summary>
    public string? RegionCode { get; set; }

    /// <summary>First month of the income cycle (10 = October–September), where the document sets one.</summary>
    public int? IncomeCycleStartMonth { get; set; }

    /// <summary>What the profile changes or adds, in words, each with its clause.</summary>
    public List<string> Changes { get; set; } = [];

    /// <summary>
    /// The catalogue rules that belong to this profile (sourced from its document and limited to it by their <c>profiles</c>);
    /// the loader checks that the two lists agree.
    /// </summary>
    public List<string> Rules { get; set; } = [];

    /// <summary>Catalogue rules not evaluated under this profile.</summary>
    public List<string> DisabledRules { get; set; } = [];

    /// <summary>Dated parameter values that take precedence over region and national values.</summary>
    public Dictionary<string, List<DatedParameterValue>> Parameters { get; set; } = [];
}
