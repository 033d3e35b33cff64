using Monitoring.Engine.Output;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Output;

/// <summary>The one mask every output uses: which strings are resident ID numbers and how they are masked.</summary>
public sealed class ResidentIdMaskingTests
{
    private static readonly string Id = ResidentIdScanner.Valid("61072819800101123");
    private static readonly string IdWithX = FirstWithCheck('X');

    [Fact]
    public void A_valid_number_is_masked_wherever_it_stands_in_free_text()
    {
        Assert.Equal("610728********" + Id[14..], ResidentIdMasking.Apply(Id));
        Assert.Equal($"户主张三（610728********{Id[14..]}）", ResidentIdMasking.Apply($"户主张三（{Id}）"));
        Assert.Equal($"张三610728********{Id[14..]}，李四 610728********{IdWithX[14..]}。", ResidentIdMasking.Apply($"张三{Id}，李四 {IdWithX}。"));
        Assert.Equal($"x 610728********{IdWithX[14..^1]}x", ResidentIdMasking.Apply($"x {IdWithX[..^1]}x"));
        Assert.Equal($"\"{ResidentIdMasking.Apply(Id)}\",\"{ResidentIdMasking.Apply(Id)}\"", ResidentIdMasking.Apply($"\"{Id}\",\"{Id}\""));
    }

    [Fact]
    public void A_number_at_every_offset_of_a_long_text_is_found()
    {
        for (var offset = 0; offset < 60; offset++)
        {
            var text = new string('年', offset) + Id + new string('-', 60 - offset);
            var masked = ResidentIdMasking.Apply(text);
            Assert.Empty(ResidentIdScanner.Find(masked));
            Assert.Equal(text.Length, masked.Length);
            Assert.Contains("610728********", masked, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("12345678901234567")]
    [InlineData("1234567890123456789")]
    [InlineData("a610728198001011233")]
    [InlineData("610728198001011233b")]
    [InlineData("2022-06-30 12:00:00 3.1415926535")]
    [InlineData("")]
    public void Text_without_a_valid_number_is_returned_as_it_is(string text)
    {
        var input = text.Replace("610728198001011233", Id, StringComparison.Ordinal);
        Assert.Same(input, ResidentIdMasking.Apply(input));
    }

    [Fact]
    public void A_number_with_a_wrong_check_character_or_inside_a_longer_run_is_left_alone()
    {
        var wrong = Id[..17] + (Id[17] == '0' ? '1' : '0');
        Assert.Same(wrong, ResidentIdMasking.Apply(wrong));
        var longer = "9" + Id;
        Assert.Same(longer, ResidentIdMasking.Apply(longer));
    }

    [Fact]
    public void Random_texts_agree_with_the_independent_scanner()
    {
        var random = new Random(7);
        const string alphabet = "0123456789X- 张a";
        for (var n = 0; n < 2_000; n++)
        {
            var chars = new char[random.Next(10, 80)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            if (random.Next(3) == 0)
            {
                var at = random.Next(text.Length);
                text = text[..at] + " " + ResidentIdScanner.Valid(random.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)) + " " + text[at..];
            }

            var masked = ResidentIdMasking.Apply(text);
            Assert.Empty(ResidentIdScanner.Find(masked));
            Assert.Equal(ResidentIdScanner.Find(text).Count > 0, !ReferenceEquals(masked, text));
        }
    }

    private static string FirstWithCheck(char check)
    {
        for (var n = 100; ; n++)
        {
            var candidate = ResidentIdScanner.Valid($"61072819900101{n:D3}");
            if (candidate[17] == check)
            {
                return candidate;
            }
        }
    }
}
