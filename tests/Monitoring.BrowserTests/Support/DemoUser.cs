namespace Monitoring.BrowserTests.Support;

/// <summary>A user the fixture creates with <c>monitoring users add</c>, one per role.</summary>
public sealed record DemoUser(string Name, string Role, string Area, string Password)
{
    /// <summary>东风村 (610728001001) village staff.</summary>
    public static DemoUser Village { get; } = new("dongfeng", "village", WebAppFixture.Village, "Dongfeng-2022!");

    /// <summary>泾洋街道 (610728001) town staff.</summary>
    public static DemoUser Town { get; } = new("jingyang", "town", WebAppFixture.Town, "Jingyang-2022!");

    /// <summary>镇巴县 (610728) county staff.</summary>
    public static DemoUser County { get; } = new("zhenba", "county", WebAppFixture.County, "Zhenba-2022!");

    /// <summary>镇巴县 auditor.</summary>
    public static DemoUser Auditor { get; } = new("shenji", "auditor", WebAppFixture.County, "Shenji-2022!");

    public static IReadOnlyList<DemoUser> All { get; } = [Village, Town, County, Auditor];
}
