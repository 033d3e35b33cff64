namespace Monitoring.BrowserTests.Support;

/// <summary>Where the repository, its rules, the built <c>monitoring</c> program and the screenshots folder are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    /// <summary>The CLI assembly copied next to the tests by the project reference.</summary>
    public static string Cli => Path.Combine(AppContext.BaseDirectory, "monitoring.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("找不到仓库根目录（Monitoring.sln）");
    }
}
