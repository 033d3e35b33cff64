namespace Monitoring.Tests.Support;

/// <summary>Locations of the repository's rule files and the built CLI, found from the test assembly's folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Rules => Path.Combine(RepositoryRoot, "rules");

    public static string RuleTests => Path.Combine(Rules, "tests");

    /// <summary>The CLI assembly copied next to the tests by the project reference.</summary>
    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "monitoring.dll");

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
