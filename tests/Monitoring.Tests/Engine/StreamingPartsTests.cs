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
        var longest = new string('x', Utf8LineReader.MaxLineBytes);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($"一\r\n\n{longest}\r\n三")).ToArray();
        var reader = new Utf8LineReader(new MemoryStream(bytes));
        var lines = reader.ReadLines().Select(l => Encoding.UTF8.GetString(l)).ToList();

        Assert.Equal(["一", "", longest, "三"], lines);
    }

    [Fact]
    public void A_line_over_the_limit_is_cut_for_the_parser_to_reject_and_the_next_line_is_read()
    {
        var tooLong = new string('y', 3_000_000);
        var bytes = Encoding.UTF8.GetBytes($"一\n{tooLong}\n三\n{tooLong}");
        var lines = new Utf8LineReader(new MemoryStream(bytes)).ReadLines().ToList();

        Assert.Equal(4, lines.Count);
        Assert.Equal("三", Encoding.UTF8.GetString(lines[2]));
        Assert.Equal(Utf8LineReader.MaxLineBytes + 1, lines[1].Length);
        Assert.Equal(Utf8LineReader.MaxLineBytes + 1, lines[3].Length);
        Assert.NotNull(HouseholdRecordParser.LineProblem(lines[1]));
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
