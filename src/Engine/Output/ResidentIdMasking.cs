using System.Text;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Output;

/// <summary>
/// Masks every resident ID number (GB 11643: 17 digits and a digit or X whose check character is valid, not part of a
/// longer run of ASCII letters or digits) in free text, as <see cref="ResidentIdNumber.Mask"/> does
/// (<c>610728********1234</c>), whatever field the number was typed into. Applied at every output boundary.
/// </summary>
/// <remarks>
/// Cheap on text without such numbers (findings are written by the million): strings shorter than 18 characters are
/// returned as they are, and longer ones are sampled every 17 characters — any run of 17 digits covers exactly one
/// sampled position — so only a digit at a sampled position leads to looking at its neighbours. Text without a valid
/// number is returned as the same instance.
/// </remarks>
public static class ResidentIdMasking
{
    private const int Length = 18;
    private const int Digits = 17;

    /// <summary>The text with every valid resident ID number masked; the same instance when there is none.</summary>
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < Length)
        {
            return text;
        }

        StringBuilder? masked = null;
        var copied = 0;
        var position = Digits - 1;
        while (position < text.Length)
        {
            if (!char.IsAsciiDigit(text[position]))
            {
                position += Digits;
                continue;
            }

            var start = position;
            while (start > 0 && char.IsAsciiDigit(text[start - 1]))
            {
                start--;
            }

            var end = position + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (Candidate(text, start, end) is int candidateEnd)
            {
                masked ??= new StringBuilder(text.Length);
                masked.Append(text, copied, start - copied).Append(ResidentIdNumber.Mask(text[start..candidateEnd]));
                copied = candidateEnd;
                end = candidateEnd;
            }

            // The next run of 17 digits starts after this one ends, so it covers a sampled position at or beyond end + 16.
            position = Math.Max(position + Digits, end + Digits - 1);
        }

        return masked is null ? text : masked.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Whether the text holds a valid resident ID number that <see cref="Apply"/> would mask.</summary>
    public static bool Contains(string text) => !ReferenceEquals(Apply(text), text);

    /// <summary>Where a valid number occupying the digit run [start, end) ends, or null.</summary>
    private static int? Candidate(string text, int start, int end)
    {
        if (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            return null;
        }

        var digits = end - start;
        int candidateEnd;
        if (digits == Length)
        {
            candidateEnd = end;
        }
        else if (digits == Digits && end < text.Length && text[end] is 'X' or 'x')
        {
            candidateEnd = end + 1;
        }
        else
        {
            return null;
        }

        if (candidateEnd < text.Length && char.IsAsciiLetterOrDigit(text[candidateEnd]))
        {
            return null;
        }

        var check = ResidentIdNumber.CheckDigit(text.AsSpan(start, Digits));
        return check == char.ToUpperInvariant(text[candidateEnd - 1]) ? candidateEnd : null;
    }
}
