using System.Globalization;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Generation;

/// <summary>
/// Makes the resident IDs of a generated store unique, as real ones are: the generator draws each person's birth date and
/// sequence number at random, and a county-sized store (a million households, some four million people over about 30,000
/// birth dates and 500 sequence numbers per sex) would otherwise hold hundreds of thousands of accidental "same person in
/// two households" pairs. Households are claimed in order; a drawn ID already issued moves its sequence number on (same sex,
/// same birth date) until it is free. Then, on purpose and deterministically, about one household in
/// <see cref="SharedPersonInterval"/> also lists a member of the household before it (a daughter married into another
/// household but still registered at home: 002 附件2-6), so DATA-DUPLICATE-PERSON has cases to show.
/// </summary>
public sealed class ResidentIdRegistry
{
    /// <summary>Households between two deliberate shared persons.</summary>
    public const int SharedPersonInterval = 1000;

    private const int Sequences = 500;
    private readonly HashSet<long> _issued = [];
    private HouseholdRecord? _previous;

    /// <summary>How many drawn IDs were moved to a free sequence number.</summary>
    public long Moved { get; private set; }

    /// <summary>Claims the household's IDs (changing those already issued); call in household order.</summary>
    public void Claim(HouseholdRecord household)
    {
        ArgumentNullException.ThrowIfNull(household);
        foreach (var member in household.Members ?? [])
        {
            if (member?.IdNumber is not { Length: 18 } id || !long.TryParse(id.AsSpan(0, 17), NumberStyles.None, CultureInfo.InvariantCulture, out var key))
            {
                continue;
            }

            var tries = 0;
            while (!_issued.Add(key))
            {
                if (++tries >= Sequences)
                {
                    throw new InvalidOperationException($"出生日期相同的模拟人员超过 {Sequences} 人，无法生成不重复的身份证号：{ResidentIdNumber.Mask(id)}");
                }

                // Sequence digits 15–17 (index 14–16): add 2 modulo 1000, keeping the sex digit's parity.
                var sequence = (int)(key % 1000);
                key = key - sequence + ((sequence + 2) % 1000);
            }

            if (tries > 0)
            {
                var first17 = key.ToString("D17", CultureInfo.InvariantCulture);
                member.IdNumber = first17 + ResidentIdNumber.CheckDigit(first17);
                Moved++;
            }
        }

        if (_previous is { Members: [_, .., var shared] } && household.Members is [_, _, ..] members && IsDeliberate(household.Id))
        {
            var copy = members[^1];
            copy.IdNumber = shared.IdNumber;
            copy.Name = shared.Name;
            copy.Sex = shared.Sex;
            copy.BirthDate = shared.BirthDate;
        }

        _previous = household;
    }

    private static bool IsDeliberate(string? householdId) =>
        householdId is { Length: > 4 } id && int.TryParse(id.AsSpan(id.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
        && n % SharedPersonInterval == SharedPersonInterval / 2;
}
