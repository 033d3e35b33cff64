namespace Monitoring.Engine.Cases;

/// <summary>
/// One line of a village's public notice list (公示名单): who is proposed for inclusion or release, why in categories, and
/// the notice dates. Deliberately without resident ID, phone, bank or health details.
/// </summary>
public sealed record NoticeListEntry
{
    public required string HouseholdId { get; init; }

    public required string HeadName { get; init; }

    public required string Village { get; init; }

    /// <summary>拟纳入监测 | 拟消除风险.</summary>
    public required string ProposalZh { get; init; }

    /// <summary>脱贫不稳定户 | 边缘易致贫户 | 突发严重困难户, or empty when not yet determined.</summary>
    public required string TypeZh { get; init; }

    /// <summary>Reason categories in Chinese (因病、因学、住房安全 …).</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    public required DateOnly NoticeFrom { get; init; }

    public DateOnly? NoticeUntil { get; init; }
}
