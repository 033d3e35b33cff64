using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Tests.Support;

/// <summary>
/// Finds resident ID numbers printed in clear: 17 digits and a digit or X with a valid GB 11643 check character, not part
/// of a longer ASCII letter-or-digit run. Independent of the program's own masking code, so it can catch its mistakes.
/// Works on text, on files (a workbook or any zip is searched entry by entry) and on HTTP responses' bodies.
/// </summary>
internal static partial class ResidentIdScanner
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    /// <summary>The check character of 17 digits.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return "10X98765432"[sum % 11];
    }

    /// <summary>A valid 18-character number from 17 digits.</summary>
    public static string Valid(string first17) => first17 + CheckCharacter(first17);

    /// <summary>Every valid number in clear in the text.</summary>
    public static IReadOnlyList<string> Find(string text) =>
        [.. Candidate().Matches(text).Select(m => m.Value).Where(v => CheckCharacter(v[..17]) == char.ToUpperInvariant(v[17]))];

    /// <summary>Every valid number in clear in a file's content: a zip (xlsx) entry by entry, anything else as UTF-8.</summary>
    public static IReadOnlyList<string> FindInContent(byte[] content)
    {
        if (content.Length > 4 && content[0] == (byte)'P' && content[1] == (byte)'K')
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var found = new List<string>();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                found.AddRange(Find(reader.ReadToEnd()).Select(v => $"{entry.FullName}: {v}"));
            }

            return found;
        }

        return Find(Encoding.UTF8.GetString(content));
    }

    /// <summary>Fails naming where a number was found in clear.</summary>
    public static void AssertNoneIn(string where, string text)
    {
        var found = Find(text);
        Assert.True(found.Count == 0, $"{where}: resident ID numbers in clear: {string.Join(", ", found.Distinct())}\n{Excerpt(text, found)}");
    }

    /// <summary>Fails naming the file where a number was found in clear.</summary>
    public static void AssertNoneInFile(string path)
    {
        var found = FindInContent(File.ReadAllBytes(path));
        Assert.True(found.Count == 0, $"{path}: resident ID numbers in clear: {string.Join(", ", found.Distinct())}");
    }

    private static string Excerpt(string text, IReadOnlyList<string> found)
    {
        if (found.Count == 0)
        {
            return "";
        }

        var at = text.IndexOf(found[0], StringComparison.Ordinal);
        var from = Math.Max(0, at - 120);
        return text[from..Math.Min(text.Length, at + 140)];
    }
}
