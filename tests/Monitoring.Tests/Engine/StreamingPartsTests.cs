using System.Text;
using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Reading;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Engine;

/// <summary>The pieces that keep memory flat on large files: byte line splitting and the compact id set.</summary>
public sealed class StreamingPartsTests
{
    [Fact]
    public void Lines_are_split_on_lf_and_crlf_with_a_bom_and_no_final_newline()
    {
        // The longest line the reader accepts (MaxLineBytes); longer ones are cut for the parser to reject.
        var long1 = new string('x', Utf8LineReader.MaxLineBytes - 1);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($"一\r\n\n{long1}\n三")).ToArray();
        var reader = new Utf8LineReader(new MemoryStream(bytes));
        var lines = reader.ReadLines().Select(l => Encoding.UTF8.GetString(l)).ToList();

        Assert.Equal(["一", "", long1, "三"], lines);
    }

    [Fact]
    public void Id_set_finds_every_repeat_and_its_first_line_across_growth()
    {
        var ids = new HouseholdIdSet();
        for (var i = 0; i < 200_000; i++)
        {
            Assert.Equal(i, ids.Add($"610728-{i:000000}", i + 1, out _));
        }

        Assert.Equal(-1, ids.Add("610728-123456", 999_999, out var first));
        Assert.Equal(123_457, first);
        Assert.Equal("610728-000042", ids.IdOf(42));
        Assert.Equal(200_000, ids.Add("户-200000", 5, out _));
        Assert.Equal("户-200000", ids.IdOf(200_000));
    }
}
