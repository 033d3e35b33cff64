namespace Monitoring.Rules.Facts;

/// <summary>A closed range of calendar days, such as the last complete month or quarter before the evaluation date.</summary>
public sealed record Period(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool ContainsAny(IReadOnlyList<DateOnly> dates) => dates.Any(Contains);

    /// <summary>How many of the dates lie in the period.</summary>
    public int CountIn(IReadOnlyList<DateOnly> dates)
    {
        var count = 0;
        foreach (var date in dates)
        {
            if (Contains(date))
            {
                count++;
            }
        }

        return count;
    }

    public override string ToString() => $"{Start:yyyy-MM-dd}～{End:yyyy-MM-dd}";
}
