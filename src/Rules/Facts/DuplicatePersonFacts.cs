namespace Monitoring.Rules.Facts;

/// <summary>A member whose resident ID is also a member of other households in the store (DATA-DUPLICATE-PERSON).</summary>
public sealed class DuplicatePersonFacts
{
    public required string MemberId { get; init; }

    /// <summary>The resident ID, masked.</summary>
    public required string MaskedIdNumber { get; init; }

    public required IReadOnlyList<string> OtherHouseholds { get; init; }

    public string Text => $"成员 {MemberId}（{MaskedIdNumber}）同时是 {string.Join("、", OtherHouseholds)} 的成员";
}
