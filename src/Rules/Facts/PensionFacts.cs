namespace Monitoring.Rules.Facts;

/// <summary>A member's 城乡居民养老保险 entry (format 1.1 <c>pensionInsurance</c>, the record's current entry).</summary>
public sealed class PensionFacts
{
    public int? Year { get; init; }

    public bool Enrolled { get; init; }

    /// <summary>The premium is paid in part or in full by the government (代缴).</summary>
    public bool Subsidised { get; init; }
}
