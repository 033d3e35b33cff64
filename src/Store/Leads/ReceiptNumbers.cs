using System.Security.Cryptography;

namespace Monitoring.Store.Leads;

/// <summary>
/// Receipt numbers of self-declarations: <c>SB20221201-7K3QH9XM</c> — the date and 8 random characters of a base-32
/// alphabet without 0/O and 1/I/L (40 random bits), so a receipt cannot be guessed from another; the status lookup also
/// asks for the last 4 digits of the phone or the resident ID.
/// </summary>
public static class ReceiptNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateOnly date)
    {
        Span<char> random = stackalloc char[8];
        for (var i = 0; i < random.Length; i++)
        {
            random[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"SB{date:yyyyMMdd}-{random}";
    }

    /// <summary>The receipt as typed (trimmed, upper-cased, full-width hyphen read as '-').</summary>
    public static string Normalize(string? text) => (text ?? "").Trim().Replace('－', '-').Replace('—', '-').ToUpperInvariant();
}
