namespace Monitoring.Engine.Cases;

/// <summary>
/// One thing the procedure requires of a household by a deadline: the next inclusion step within the identification limit,
/// helper and plan within the working-day limit, the first measure, a visit in a cycle, the revisit after release, a case
/// for a declared risk, re-inclusion of a released household with a new risk.
/// </summary>
public sealed record Obligation
{
    public required string HouseholdId { get; init; }

    /// <summary>identification | helper | plan | measure | monitored-visit | lifted-visit | revisit | candidate-case | reinclusion.</summary>
    public required string Kind { get; init; }

    /// <summary>What is due, in Chinese (e.g. 明确帮扶责任人).</summary>
    public required string TitleZh { get; init; }

    /// <summary>The last day on which doing it is on time; null when it cannot be computed.</summary>
    public DateOnly? Due { get; init; }

    public required ObligationStatus Status { get; init; }

    /// <summary>When it was done, for met obligations.</summary>
    public DateOnly? DoneOn { get; init; }

    /// <summary>The catalogue rule that flags it when missed.</summary>
    public required string RuleId { get; init; }

    /// <summary>How the deadline was computed and from which clause, in Chinese.</summary>
    public required string BasisZh { get; init; }

    public bool IsOutstanding => Status is ObligationStatus.Open or ObligationStatus.Overdue or ObligationStatus.Unknown;

    public string StatusZh(DateOnly asOf) => Status switch
    {
        ObligationStatus.Open when Due is { } due => due == asOf ? "今日到期" : $"还剩 {due.DayNumber - asOf.DayNumber} 天",
        ObligationStatus.Overdue when Due is { } due => $"已逾期 {asOf.DayNumber - due.DayNumber} 天",
        ObligationStatus.Met => $"已按期完成（{DoneOn:yyyy-MM-dd}）",
        ObligationStatus.MetLate => $"逾期完成（{DoneOn:yyyy-MM-dd}）",
        _ => "时限无法计算",
    };
}
