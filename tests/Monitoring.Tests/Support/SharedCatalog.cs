using Monitoring.Rules.Catalog;
using Monitoring.Rules.Loading;

namespace Monitoring.Tests.Support;

/// <summary>The repository's rule catalogue, loaded once for all tests (loading compiles every expression).</summary>
internal static class SharedCatalog
{
    private static readonly Lazy<RuleCatalog> Loaded = new(() => RuleCatalogLoader.Load(TestPaths.Rules));

    public static RuleCatalog Instance => Loaded.Value;
}
