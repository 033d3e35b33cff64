namespace Monitoring.BrowserTests.Support;

/// <summary>Every browser test class shares one <see cref="WebAppFixture"/> (one app, one browser).</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<WebAppFixture>
{
    public const string Name = "browser";
}
