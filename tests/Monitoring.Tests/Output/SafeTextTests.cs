using Monitoring.Engine.Output;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Output;

/// <summary>Terminal escaping and the writer every text output goes through.</summary>
public sealed class SafeTextTests
{
    private static readonly string Id = ResidentIdScanner.Valid("61072819800101123");

    [Fact]
    public void Control_characters_escape_sequences_and_bidi_overrides_are_escaped()
    {
        Assert.Equal("张三\\u001b[31m红\\u001b[0m", TerminalText.Escape("张三\u001b[31m红\u001b[0m"));
        Assert.Equal("a\\u0007b\\u009bc\\u202ed\\u2066e\\u0000", TerminalText.Escape("a\u0007b\u009bc\u202ed\u2066e\0"));
        Assert.Equal("行1\\u000d覆盖", TerminalText.Escape("行1\r覆盖"));
        const string kept = "制表\t换行\r\n换行\n";
        Assert.Same(kept, TerminalText.Escape(kept));
    }

    [Fact]
    public void The_writer_masks_a_number_split_over_several_writes_and_escapes_controls()
    {
        var inner = new StringWriter { NewLine = "\n" };
        using (var writer = new SafeTextWriter(inner) { NewLine = "\n" })
        {
            writer.Write("户主 " + Id[..5]);
            writer.Write(Id[5..12]);
            writer.Write(Id[12]);
            writer.WriteLine(Id[13..] + " \u001b]0;title\u0007");
            writer.Write("未完的行 " + Id);
        }

        var text = inner.ToString();
        Assert.Empty(ResidentIdScanner.Find(text));
        Assert.Equal($"户主 610728********{Id[14..]} \\u001b]0;title\\u0007\n未完的行 610728********{Id[14..]}", text);
    }
}
