using Microsoft.Playwright;

namespace Monitoring.BrowserTests.Support;

/// <summary>
/// Saves a page's screenshot to docs/screenshots/NAME.png when MONITORING_SCREENSHOTS=1 (scripts/screenshots.sh); the
/// ordinary test run leaves the work tree alone.
/// </summary>
internal static class Screenshots
{
    public static bool Enabled => Environment.GetEnvironmentVariable("MONITORING_SCREENSHOTS") == "1";

    public static async Task Save(IPage page, string name, bool fullPage = true)
    {
        if (!Enabled)
        {
            return;
        }

        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = fullPage }).ConfigureAwait(false);
    }
}
