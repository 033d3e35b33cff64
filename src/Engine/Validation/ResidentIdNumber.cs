namespace Monitoring.Engine.Validation;

/// <summary>Resident identity numbers (GB 11643-1999): check digit and masking for every output.</summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character for the first 17 digits, or null when they are not 17 digits.</summary>
    public static char? CheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                return null;
            }

            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Null when valid; otherwise the reason in Chinese.</summary>
    public static string? Problem(string value)
    {
        if (value.Length != 18)
        {
            return $"身份证号应为 18 位，实际 {value.Length} 位";
        }

        if (CheckDigit(value.AsSpan(0, 17)) is not char expected)
        {
            return "身份证号前 17 位应全为数字";
        }

        var actual = char.ToUpperInvariant(value[17]);
        return actual == expected ? null : $"身份证号校验位错误（{Mask(value)} 的校验位应为 {expected}）";
    }

    /// <summary>Keeps the 6-digit region code and the last 4 characters: <c>610728********1234</c>.</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.Length <= 10)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, 6), new string('*', value.Length - 10), value.AsSpan(value.Length - 4));
    }
}
