namespace Monitoring.Rules.Profiles;

/// <summary>A loaded profile with its chain of ancestors (itself first, <c>cn-national</c> last).</summary>
public sealed class RegionProfile
{
    public RegionProfile(RegionProfileDocument document, string file, IReadOnlyList<RegionProfileDocument> chain)
    {
        Document = document;
        File = file;
        Chain = chain;
    }

    public RegionProfileDocument Document { get; }

    public string Id => Document.Id;

    public string File { get; }

    public IReadOnlyList<RegionProfileDocument> Chain { get; }

    public IEnumerable<string> DisabledRules => Chain.SelectMany(p => p.DisabledRules);

    public bool IsOrDescendsFrom(string profileId) => Chain.Any(p => p.Id == profileId);
}
