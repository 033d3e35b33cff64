using Monitoring.Tests.Shared;

namespace Monitoring.Tests.Support;

/// <summary>Locations of the repository's rule files and the built CLI (<see cref="TestRepository"/>, shared with the browser tests).</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => TestRepository.Root;

    public static string Rules => TestRepository.Rules;

    public static string RuleTests => Path.Combine(Rules, "tests");

    /// <summary>The CLI assembly copied next to the tests by the project reference.</summary>
    public static string CliAssembly => TestRepository.Cli;
}
