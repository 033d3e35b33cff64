using Monitoring.Rules.Parameters;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Rules;

/// <summary>Dated parameter values: profile over region over national, carried forward where nothing new was published.</summary>
public sealed class ParameterResolutionTests
{
    private static ParameterTable National => SharedCatalog.Instance.ForProfile("cn-national").Parameters;

    [Fact]
    public void National_line_for_2021_is_6000_from_seed_000()
    {
        var line = National.Resolve("monitoringLine", "610728", new DateOnly(2021, 12, 31), 2021);
        Assert.Equal(6000m, line.Number);
        Assert.False(line.CarriedForward);
        Assert.Contains("000_ec4cb8c3d9f11643.txt row 4", line.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_year_without_a_published_line_carries_2021_forward_and_says_so()
    {
        var line = National.Resolve("monitoringLine", "610728", new DateOnly(2023, 12, 31), 2023);
        Assert.Equal(6000m, line.Number);
        Assert.True(line.CarriedForward);
    }

    [Theory]
    [InlineData("210102", 2022, 7260)] // 辽宁
    [InlineData("420303", 2022, 6900)] // 十堰张湾区
    [InlineData("420302", 2022, 6000)] // 十堰茅箭区: national
    [InlineData("530102", 2025, 8700)] // 云南
    [InlineData("530102", 2024, 6000)] // 云南 before its 2025 line
    [InlineData("350526", 2024, 19560)] // 德化
    public void Region_lines_apply_to_their_codes_only(string county, int year, int expected) =>
        Assert.Equal(expected, National.Resolve("monitoringLine", county, new DateOnly(year, 12, 31), year).Number);

    [Fact]
    public void Before_any_published_line_there_is_no_value()
    {
        Assert.Throws<ParameterNotInForceException>(() => National.Resolve("monitoringLine", "610728", new DateOnly(2019, 12, 31), 2019));
    }

    [Fact]
    public void Zhenping_profile_carries_the_2017_national_poverty_standard_not_the_industry_exit_threshold()
    {
        var table = SharedCatalog.Instance.ForProfile("shaanxi-zhenping-2017").Parameters;
        var line = table.Resolve("monitoringLine", "610927", new DateOnly(2017, 12, 31), 2017);
        Assert.Equal(3335m, line.Number);
        Assert.Equal("profile:shaanxi-zhenping-2017", line.Origin);
        Assert.Equal(6000m, table.Resolve("monitoringLine", "610927", new DateOnly(2021, 12, 31), 2021).Number);
        Assert.Equal(3075m, table.Resolve("industryExitIncome", "610927", new DateOnly(2017, 12, 31)).Number);
    }

    [Fact]
    public void County_set_defaults_are_marked()
    {
        var ratio = National.Resolve("sharpDropRatio", "610728", new DateOnly(2022, 6, 30));
        Assert.True(ratio.CountySet);
        var notice = National.Resolve("minNoticeDays", "610728", new DateOnly(2022, 6, 30));
        Assert.False(notice.CountySet);
    }

    [Fact]
    public void Xiushan_visits_lifted_households_in_march_august_and_november()
    {
        var table = SharedCatalog.Instance.ForProfile("chongqing-xiushan-2022").Parameters;
        Assert.Equal("months:3,8,11", table.Resolve("liftedVisitCycle", "500241", new DateOnly(2022, 12, 1)).RawValue);
        Assert.Equal("quarter", National.Resolve("liftedVisitCycle", "500241", new DateOnly(2022, 12, 1)).RawValue);
    }
}
