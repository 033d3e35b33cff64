using Monitoring.Tests.Shared;

namespace Monitoring.BrowserTests.Support;

/// <summary>Where the repository, its rules, the built <c>monitoring</c> program (<see cref="TestRepository"/>, shared with
/// the integration tests) and the screenshots folder are.</summary>
internal static class RepositoryPaths
{
    public static string Root => TestRepository.Root;

    public static string Rules => TestRepository.Rules;

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    public static string Cli => TestRepository.Cli;
}
