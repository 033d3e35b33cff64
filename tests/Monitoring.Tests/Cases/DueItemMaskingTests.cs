using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;
using Monitoring.Store.Cases;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Cases;

/// <summary>The due-list line that the pages and the API both show: an ID number typed into the head's name or the basis is masked.</summary>
public sealed class DueItemMaskingTests
{
    private static readonly string Id = ResidentIdScanner.Valid("61072819800101123");

    [Fact]
    public void Head_name_and_basis_are_masked_for_pages_and_api_alike()
    {
        var household = new HouseholdRecord
        {
            Id = "610728-0001",
            Members = [new MemberRecord { Name = $"张三{Id}", Relation = "head" }],
        };
        var obligation = new Obligation
        {
            HouseholdId = "610728-0001", Kind = "review", TitleZh = "核实", Status = ObligationStatus.Open, RuleId = "CASE-1",
            BasisZh = $"依据 {Id} 的申请", Due = new DateOnly(2026, 12, 10),
        };

        var item = new DueItem(obligation, household);
        var api = Monitoring.Web.Api.DueItem.From(item, new DateOnly(2026, 12, 1));

        var masked = SeededResidentIds.Masked(Id);
        Assert.Equal($"张三{masked}", item.HeadName);
        Assert.Equal($"依据 {masked} 的申请", item.Basis);
        Assert.Equal(item.HeadName, api.HeadName);
        Assert.Equal(item.Basis, api.Basis);
        Assert.DoesNotContain(Id, api.ToString(), StringComparison.Ordinal);
    }
}
