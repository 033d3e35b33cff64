namespace Monitoring.Tests.Shared;

/// <summary>
/// Where the repository (the folder holding Monitoring.sln), its rules and the built <c>monitoring</c> program are — for
/// every test project (a linked source file: tests/Shared).
/// </summary>
internal static class TestRepository
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

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
